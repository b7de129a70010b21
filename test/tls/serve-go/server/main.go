// Go crypto/tls HTTPS server (TLS 1.2 only) for `tls connect` (a manual interop check):
//
//	go run test/tls/serve-go/server/main.go src/engine/tls/pki/pem/rsa.chain.pem src/engine/tls/pki/pem/rsa.key.pem
//
// It prints "listening PORT", then one line per request with its TLS version, suite and resumption.
package main

import (
	"crypto/tls"
	"fmt"
	"net"
	"net/http"
	"os"
)

func main() {
	cert, err := tls.LoadX509KeyPair(os.Args[1], os.Args[2])
	if err != nil {
		panic(err)
	}
	cfg := &tls.Config{Certificates: []tls.Certificate{cert}, MaxVersion: tls.VersionTLS12}
	ln, err := tls.Listen("tcp", "127.0.0.1:0", cfg)
	if err != nil {
		panic(err)
	}
	fmt.Println("listening", ln.Addr().(*net.TCPAddr).Port)
	http.Serve(ln, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		st := r.TLS
		fmt.Printf("request %s %s %s resumed=%v\n", r.URL.Path, versionName(st.Version), tls.CipherSuiteName(st.CipherSuite), st.DidResume)
		fmt.Fprintf(w, "hello from go %s\n", tls.CipherSuiteName(st.CipherSuite))
	}))
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
