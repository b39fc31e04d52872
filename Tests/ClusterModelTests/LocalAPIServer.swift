import Foundation
import TestSupport

@testable import ClusterModel

/// A small API server on loopback (Python's http.server) that answers from the captured fixtures, so the client is
/// tested over real HTTP/1.1: chunked watch bodies, Status errors, 401 rotation, plain-text 429, TLS.
final class LocalAPIServer: @unchecked Sendable {
    let port: Int
    let scheme: String
    private let process: Process
    /// The server also exits when this pipe closes.
    private let input: Pipe
    private let directory: TemporaryDirectory

    static var python: String? { ExecPluginRunner.locate("python3", path: ProcessInfo.processInfo.environment["PATH"]) }

    /// - Parameter failing: collection paths answered with 500 Internal Server Error, to keep a resource from listing.
    init(tls: TLSFiles? = nil, failing: [String] = []) throws {
        directory = try TemporaryDirectory()
        let script = try directory.write("server.py", Self.script)
        let output = Pipe()
        process = Process()
        input = Pipe()
        process.executableURL = URL(fileURLWithPath: Self.python ?? "/usr/bin/python3")
        var arguments = [script, Fixtures.directory.path]
        if let tls { arguments += [tls.serverCertificate, tls.serverKey, tls.certificateAuthority] }
        process.arguments = arguments
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        process.standardInput = input
        process.environment = ProcessInfo.processInfo.environment.merging(["FAIL_PATHS": failing.joined(separator: ",")]
        ) { $1 }
        try process.run()
        var line = Data()
        while let byte = try output.fileHandleForReading.read(upToCount: 1), !byte.isEmpty, byte != Data("\n".utf8) {
            line.append(byte)
        }
        guard let port = Int(String(decoding: line, as: UTF8.self)) else {
            try? input.fileHandleForWriting.close()
            throw KubeClientError.transport(path: "/", problem: "test server did not start")
        }
        self.port = port
        scheme = tls == nil ? "http" : "https"
    }

    deinit { stop() }

    /// Ends the server process (an outage, as far as clients can tell).
    func stop() {
        try? input.fileHandleForWriting.close()
        if process.isRunning { process.terminate() }
        process.waitUntilExit()
    }

    func endpoint(
        credentials: Credentials = .token(Secret("good")), tls: TLSSettings = TLSSettings(),
        host: String = "127.0.0.1"
    ) -> ClusterEndpoint {
        ClusterEndpoint(
            server: URL(string: "\(scheme)://\(host):\(port)") ?? URL(fileURLWithPath: "/"),
            contextName: "test", source: "test", tls: tls, credentials: credentials)
    }

    /// PEM files for a CA, a server certificate for `api.internal` and a client certificate.
    struct TLSFiles {
        var certificateAuthority: String
        var serverCertificate: String
        var serverKey: String
        var clientCertificate: String
        var clientKey: String

        static func generate(in dir: TemporaryDirectory) throws -> TLSFiles {
            let script = try dir.write(
                "gen.sh",
                """
                set -e
                cd "\(dir.path)"
                openssl req -x509 -newkey rsa:2048 -nodes -keyout ca.key -out ca.crt -days 2 -subj /CN=test-ca 2>/dev/null
                printf 'subjectAltName=DNS:api.internal\\n' > san.ext
                openssl req -newkey rsa:2048 -nodes -keyout server.key -out server.csr -subj /CN=api.internal 2>/dev/null
                openssl x509 -req -in server.csr -CA ca.crt -CAkey ca.key -CAcreateserial -out server.crt -days 2 -extfile san.ext 2>/dev/null
                openssl req -newkey rsa:2048 -nodes -keyout client.key -out client.csr -subj /CN=admin 2>/dev/null
                openssl x509 -req -in client.csr -CA ca.crt -CAkey ca.key -CAcreateserial -out client.crt -days 2 2>/dev/null
                """)
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/bin/sh")
            process.arguments = [script]
            try process.run()
            process.waitUntilExit()
            let p = dir.path
            return TLSFiles(
                certificateAuthority: p + "/ca.crt", serverCertificate: p + "/server.crt", serverKey: p + "/server.key",
                clientCertificate: p + "/client.crt", clientKey: p + "/client.key")
        }
    }

    static let script = #"""
        import http.server, json, os, signal, socketserver, ssl, sys, threading, time, urllib.parse
        FIX = sys.argv[1]
        FAILING = set(p for p in os.environ.get('FAIL_PATHS', '').split(',') if p)
        signal.signal(signal.SIGTERM, signal.SIG_DFL)
        signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGTERM})

        def exit_when_stdin_closes():
            sys.stdin.buffer.read()
            os._exit(0)

        def exit_when_orphaned_or_late():
            parent, started = os.getppid(), time.time()
            while os.getppid() == parent and time.time() - started < 120:
                time.sleep(0.5)
            os._exit(0)

        threading.Thread(target=exit_when_stdin_closes, daemon=True).start()
        threading.Thread(target=exit_when_orphaned_or_late, daemon=True).start()

        def fixture(name):
            with open(os.path.join(FIX, name), 'rb') as f:
                return f.read()

        class Handler(http.server.BaseHTTPRequestHandler):
            protocol_version = 'HTTP/1.1'
            def log_message(self, *args): pass

            def send(self, code, body, ctype='application/json', headers=()):
                self.send_response(code)
                self.send_header('Content-Type', ctype)
                self.send_header('Content-Length', str(len(body)))
                for k, v in headers: self.send_header(k, v)
                self.end_headers()
                self.wfile.write(body)

            def chunked(self, data, size, finish):
                self.send_response(200)
                self.send_header('Content-Type', 'application/json')
                self.send_header('Transfer-Encoding', 'chunked')
                self.end_headers()
                for i in range(0, len(data), size):
                    part = data[i:i + size]
                    self.wfile.write(b'%x\r\n' % len(part) + part + b'\r\n')
                    self.wfile.flush()
                    time.sleep(0.001)
                if finish:
                    self.wfile.write(b'0\r\n\r\n')
                self.wfile.flush()
                self.close_connection = True

            def hold_watch(self):
                self.send_response(200)
                self.send_header('Content-Type', 'application/json')
                self.send_header('Transfer-Encoding', 'chunked')
                self.end_headers()
                self.wfile.flush()
                time.sleep(30)
                self.close_connection = True

            def authorized(self):
                if self.headers.get('Authorization') == 'Bearer good':
                    return True
                if getattr(self.server, 'mtls', False) and self.connection.getpeercert():
                    return True
                self.send(401, fixture('unauthorized-401-bad-token.json'))
                return False

            def do_GET(self):
                path, _, query = self.path.partition('?')
                if not self.authorized(): return
                if path in FAILING:
                    self.send(500, json.dumps({'kind': 'Status', 'apiVersion': 'v1', 'status': 'Failure', 'code': 500,
                                               'reason': 'InternalError', 'message': 'injected by the test'}).encode())
                elif path == '/api/v1/namespaces/demo/pods' and 'watch=true' in query:
                    self.chunked(fixture('pods-watch-demo.ndjson'), 1000, True)
                elif path == '/api/v1/namespaces/cut/pods' and 'watch=true' in query:
                    data = fixture('pods-watch-demo.ndjson')
                    self.chunked(data[:len(data) - 300], 700, True)
                elif path == '/api/v1/namespaces/demo/pods':
                    token = urllib.parse.parse_qs(query).get('continue', [''])[0]
                    first = json.loads(fixture('pods-list-demo-limit1-page1.json'))['metadata']['continue']
                    page = 'pods-list-demo-limit1-page1.json'
                    if token == first:
                        page = 'pods-list-demo-limit1-page2.json'
                    elif token:
                        page = 'pods-list-demo-limit1-page3.json'
                    self.send(200, fixture(page))
                elif path == '/api/v1/namespaces/forbidden/pods':
                    self.send(403, fixture('forbidden-403-viewer-list-pods.json'))
                elif path == '/api/v1/namespaces/throttled/pods':
                    self.send(429, b'Too many requests, please try again later.\n', 'text/plain', [('Retry-After', '3')])
                elif 'watch=true' in query:
                    self.hold_watch()
                elif path in LISTS:
                    self.send(200, LISTS[path]())
                elif path == '/api/v1/nodes/node-a/proxy/metrics/cadvisor':
                    self.send(200, b'container_memory_working_set_bytes{container="app",namespace="demo",pod="web"} 42\n', 'text/plain')
                elif path == '/echo':
                    self.send(200, json.dumps({'query': query}).encode())
                else:
                    self.send(404, fixture('notfound-404-get-pod.json'))

            def do_PATCH(self):
                if not self.authorized(): return
                body = self.rfile.read(int(self.headers.get('Content-Length', 0)))
                self.send(200, json.dumps({'path': self.path, 'contentType': self.headers.get('Content-Type'),
                                           'body': body.decode()}).encode())

        def wrap(name):
            obj = json.loads(fixture(name))
            return lambda: json.dumps({'metadata': {'resourceVersion': '228'}, 'items': [obj]}).encode()

        LISTS = {
            '/api/v1/nodes': lambda: fixture('nodes-list.json'),
            '/api/v1/pods': lambda: fixture('pods-list-all-namespaces.json'),
            '/api/v1/events': lambda: fixture('events-list-demo.json'),
            '/apis/apps/v1/deployments': wrap('deployment-get-web-after-dryrun.json'),
        }
        for empty in ['/apis/apps/v1/replicasets', '/apis/apps/v1/statefulsets', '/apis/apps/v1/daemonsets',
                      '/apis/policy/v1/poddisruptionbudgets', '/apis/batch/v1/jobs', '/apis/batch/v1/cronjobs',
                      '/apis/apps/v1/controllerrevisions']:
            LISTS[empty] = lambda: b'{"metadata":{"resourceVersion":"228"},"items":[]}'

        class Server(socketserver.ThreadingMixIn, http.server.HTTPServer):
            daemon_threads = True

        server = Server(('127.0.0.1', 0), Handler)
        if len(sys.argv) > 4:
            ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
            ctx.load_cert_chain(sys.argv[2], sys.argv[3])
            ctx.load_verify_locations(sys.argv[4])
            ctx.verify_mode = ssl.CERT_OPTIONAL
            server.socket = ctx.wrap_socket(server.socket, server_side=True)
            server.mtls = True
        print(server.server_address[1], flush=True)
        server.serve_forever()
        """#
}
