// Go crypto/tls client against `tls serve` (a manual interop check; Debian bookworm: golang-go 1.19):
//
//	go run test/tls/serve-go/client/main.go 127.0.0.1:PORT src/engine/tls/pki/pem/root.cert.pem [ecdsa]
//
// Two connections, GET /go on each; the second resumes the first session (Go keeps tickets).
package main

import (
	"bufio"
	"crypto/tls"
	"crypto/x509"
	"fmt"
	"net/http"
	"os"
)

func main() {
	addr, caFile := os.Args[1], os.Args[2]
	pem, err := os.ReadFile(caFile)
	if err != nil {
		panic(err)
	}
	roots := x509.NewCertPool()
	roots.AppendCertsFromPEM(pem)
	cfg := &tls.Config{RootCAs: roots, ServerName: "www.example.com", MaxVersion: tls.VersionTLS12,
		ClientSessionCache: tls.NewLRUClientSessionCache(4)}
	if len(os.Args) > 3 && os.Args[3] == "ecdsa" {
		cfg.CipherSuites = []uint16{tls.TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256}
	}
	for i := 0; i < 2; i++ {
		conn, err := tls.Dial("tcp", addr, cfg)
		if err != nil {
			fmt.Println("dial error:", err)
			os.Exit(1)
		}
		st := conn.ConnectionState()
		fmt.Fprintf(conn, "GET /go HTTP/1.1\r\nHost: www.example.com\r\nConnection: close\r\n\r\n")
		resp, err := http.ReadResponse(bufio.NewReader(conn), nil)
		if err != nil {
			fmt.Println("read error:", err)
			os.Exit(1)
		}
		fmt.Printf("conn %d: %s %s resumed=%v status=%s len=%d\n", i+1, versionName(st.Version), tls.CipherSuiteName(st.CipherSuite), st.DidResume, resp.Status, resp.ContentLength)
		conn.Close()
	}
}

func versionName(v uint16) string {
	switch v {
	case tls.VersionTLS12:
		return "TLS1.2"
	case tls.VersionTLS13:
		return "TLS1.3"
	}
	return fmt.Sprintf("0x%04x", v)
}
