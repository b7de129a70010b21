/** The demo TLD zones: com, net and org (the gTLD servers serve com and net, as in life). */
export const COM_ZONE = `
$ORIGIN com.
$TTL 172800
@        900    IN SOA a.gtld-servers.net. nstld.verisign-grs.com. 2026011500 1800 900 604800 86400
@               IN NS  a.gtld-servers.net.
@               IN NS  b.gtld-servers.net.

example         IN NS  ns1.example
example         IN NS  ns2.example
ns1.example     IN A   203.0.113.10
ns2.example     IN A   203.0.113.11
`;

export const NET_ZONE = `
$ORIGIN net.
$TTL 172800
@        900    IN SOA a.gtld-servers.net. nstld.verisign-grs.com. 2026011500 1800 900 604800 86400
@               IN NS  a.gtld-servers.net.
@               IN NS  b.gtld-servers.net.

; The servers' own names are kept here as plain data (the real ones are delegated zones).
a.root-servers  518400 IN A 198.41.0.4
b.root-servers  518400 IN A 170.247.170.2
c.root-servers  518400 IN A 192.33.4.12
a.gtld-servers  IN A   192.0.2.30
b.gtld-servers  IN A   192.0.2.31

example         IN NS  ns1.example
example         IN NS  ns2.example
ns1.example     IN A   198.51.100.10
ns2.example     IN A   198.51.100.11
`;

export const ORG_ZONE = `
$ORIGIN org.
$TTL 86400
@               IN SOA a0.org-servers.org. hostmaster.org-servers.org. 2026011500 1800 900 604800 3600
@               IN NS  a0.org-servers.org.
a0.org-servers  IN A   192.0.2.40

; example.org is served by name servers under net.: the org servers cannot give glue for them
; (they are not in this zone), so a resolver must look up ns1.example.net itself.
example         IN NS  ns1.example.net.
example         IN NS  ns2.example.net.
`;

export const TEST_ZONE = `
$ORIGIN test.
$TTL 86400
@               IN SOA ns1.nic.test. hostmaster.nic.test. 2026011500 1800 900 604800 3600
@               IN NS  ns1.nic
ns1.nic         IN A   192.0.2.50

wirestep        IN NS  ns1.wirestep
ns1.wirestep    IN A   192.0.2.110

; Fault fixtures. lame.test: its first server does not serve the zone (REFUSED).
lame            IN NS  ns1.lame
lame            IN NS  ns2.lame
ns1.lame        IN A   192.0.2.60
ns2.lame        IN A   192.0.2.61

; down.test: its first server never answers.
down            IN NS  ns1.down
down            IN NS  ns2.down
ns1.down        IN A   192.0.2.70
ns2.down        IN A   192.0.2.71

; servfail.test: its only server answers SERVFAIL to everything.
servfail        IN NS  ns1.servfail
ns1.servfail    IN A   192.0.2.80

; poison.test: its server adds records for other zones to its answers.
poison          IN NS  ns1.poison
ns1.poison      IN A   192.0.2.90

; ping.test and pong.test: one server, CNAMEs that point at each other across the two zones.
ping            IN NS  ns1.ping
pong            IN NS  ns1.ping
ns1.ping        IN A   192.0.2.100

; cycle-a.test and cycle-b.test: each zone's name server lives in the other zone, without glue.
cycle-a         IN NS  ns.cycle-b
cycle-b         IN NS  ns.cycle-a
`;
