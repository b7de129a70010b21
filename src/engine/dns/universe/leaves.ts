/** The demo authoritative zones. TTLs vary from 30 seconds to one day. */
export const EXAMPLE_COM_ZONE = `
$ORIGIN example.com.
$TTL 1h
@        IN SOA ns1 hostmaster (
                2026011501 ; serial
                2h         ; refresh
                1h         ; retry
                2w         ; expire
                5m )       ; minimum: negative answers live 300 s (RFC 2308 §3)
         IN NS   ns1
         IN NS   ns2
         IN MX   10 mail
         IN TXT  "v=spf1 mx -all"
         IN CAA  0 issue "ca.example.net"
ns1      1d IN A 203.0.113.10
ns2      1d IN A 203.0.113.11
www      300 IN A    203.0.113.80
         300 IN AAAA 2001:db8:10::80
mail     IN A    203.0.113.25
edge     30 IN A 203.0.113.90
api      60 IN CNAME www
*.users  10m IN A 203.0.113.100

; shop.example.com is delegated to its own server.
shop     1d IN NS ns1.shop
ns1.shop 1d IN A  203.0.113.20
`;

export const SHOP_EXAMPLE_COM_ZONE = `
$ORIGIN shop.example.com.
$TTL 1h
@    IN SOA ns1 hostmaster.example.com. 2026011501 2h 1h 2w 10m
     IN NS  ns1
ns1  1d IN A 203.0.113.20
www  120 IN A 203.0.113.21
`;

export const EXAMPLE_NET_ZONE = `
$ORIGIN example.net.
$TTL 1h
@    IN SOA ns1 hostmaster 2026011501 2h 1h 2w 5m
     IN NS  ns1
     IN NS  ns2
     IN MX  10 mail
ns1  1d IN A 198.51.100.10
ns2  1d IN A 198.51.100.11
www  300 IN A 198.51.100.80
mail IN A 198.51.100.25
; The middle link of www.example.org -> cdn.example.net -> edge.example.com.
cdn  120 IN CNAME edge.example.com.
`;

export const EXAMPLE_ORG_ZONE = `
$ORIGIN example.org.
$TTL 1h
@    IN SOA ns1.example.net. hostmaster.example.net. 2026011501 2h 1h 2w 5m
     IN NS  ns1.example.net.
     IN NS  ns2.example.net.
     IN A   198.51.100.90
     IN TXT "served from another TLD's name servers"
www  600 IN CNAME cdn.example.net.
`;

export const WIRESTEP_TEST_ZONE = `
$ORIGIN wirestep.test.
$TTL 1h
@         IN SOA ns1 hostmaster 2026011501 2h 1h 2w 5m
          IN NS   ns1
          IN A    192.0.2.120
          IN AAAA 2001:db8:20::120
          IN MX   10 mail
          IN TXT  "v=spf1 mx -all" "demo=\\"wirestep\\""
          IN CAA  128 issue "ca.example.net"
ns1       1d IN A 192.0.2.110
mail      IN A    192.0.2.125
_sip._udp IN SRV  10 60 5060 sip
sip       IN A    192.0.2.126
*.apps    5m IN A 192.0.2.130
; x.y.apps has data, so y.apps is an empty non-terminal that blocks the wildcard below it.
x.y.apps  IN A    192.0.2.131
`;

export const LAME_TEST_ZONE = `
$ORIGIN lame.test.
$TTL 1h
@    IN SOA ns2 hostmaster 2026011501 2h 1h 2w 5m
     IN NS ns1
     IN NS ns2
ns1  IN A 192.0.2.60
ns2  IN A 192.0.2.61
www  300 IN A 192.0.2.62
`;

export const DOWN_TEST_ZONE = `
$ORIGIN down.test.
$TTL 1h
@    IN SOA ns1 hostmaster 2026011501 2h 1h 2w 5m
     IN NS ns1
     IN NS ns2
ns1  IN A 192.0.2.70
ns2  IN A 192.0.2.71
www  300 IN A 192.0.2.72
`;

export const SERVFAIL_TEST_ZONE = `
$ORIGIN servfail.test.
$TTL 1h
@    IN SOA ns1 hostmaster 2026011501 2h 1h 2w 5m
     IN NS ns1
ns1  IN A 192.0.2.80
www  300 IN A 192.0.2.82
`;

export const POISON_TEST_ZONE = `
$ORIGIN poison.test.
$TTL 1h
@    IN SOA ns1 hostmaster 2026011501 2h 1h 2w 5m
     IN NS ns1
ns1  IN A 192.0.2.90
www  300 IN A 192.0.2.92
`;

export const PING_TEST_ZONE = `
$ORIGIN ping.test.
$TTL 1h
@    IN SOA ns1 hostmaster 2026011501 2h 1h 2w 5m
     IN NS ns1
ns1  IN A 192.0.2.100
www  300 IN CNAME www.pong.test.
`;

export const PONG_TEST_ZONE = `
$ORIGIN pong.test.
$TTL 1h
@    IN SOA ns1.ping.test. hostmaster.ping.test. 2026011501 2h 1h 2w 5m
     IN NS ns1.ping.test.
www  300 IN CNAME www.ping.test.
`;
