/**
 * The demo root zone. The root servers keep their real names and IPv4 addresses (a, b and c of
 * the IANA root hints, b.root-servers.net as renumbered in November 2023); every other server in
 * the demo universe lives in the documentation ranges (RFC 5737, RFC 3849).
 * TTLs are the real root zone's: 6 days for the root NS set, 2 days for TLD delegations, so the
 * resolver's 1-day cache cap shows.
 */
export const ROOT_ZONE = `
$ORIGIN .
$TTL 86400
@                       86400  IN SOA a.root-servers.net. nstld.verisign-grs.com. (
                                      2026011500 ; serial
                                      1800       ; refresh
                                      900        ; retry
                                      604800     ; expire
                                      86400 )    ; minimum (RFC 2308 negative TTL)
@                       518400 IN NS  a.root-servers.net.
@                       518400 IN NS  b.root-servers.net.
@                       518400 IN NS  c.root-servers.net.

; The top-level domains and their servers (glue: the names are under net., org. and test.)
com.                    172800 IN NS  a.gtld-servers.net.
com.                    172800 IN NS  b.gtld-servers.net.
net.                    172800 IN NS  a.gtld-servers.net.
net.                    172800 IN NS  b.gtld-servers.net.
org.                    172800 IN NS  a0.org-servers.org.
test.                   172800 IN NS  ns1.nic.test.

a.root-servers.net.     518400 IN A   198.41.0.4
b.root-servers.net.     518400 IN A   170.247.170.2
c.root-servers.net.     518400 IN A   192.33.4.12
a.gtld-servers.net.     172800 IN A   192.0.2.30
b.gtld-servers.net.     172800 IN A   192.0.2.31
a0.org-servers.org.     172800 IN A   192.0.2.40
ns1.nic.test.           172800 IN A   192.0.2.50
`;
