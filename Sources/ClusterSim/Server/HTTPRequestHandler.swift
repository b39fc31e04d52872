import NIOCore
import NIOHTTP1

/// Collects one HTTP request, asks the cluster for the answer, and writes it (whole, or streamed for watches).
final class HTTPRequestHandler: ChannelInboundHandler, @unchecked Sendable {
    typealias InboundIn = HTTPServerRequestPart
    typealias OutboundOut = HTTPServerResponsePart

    private let cluster: SimCluster
    private let connections: ServerState
    private var head: HTTPRequestHead?
    private var body: [UInt8] = []
    /// Requests larger than this are refused (413), as a real server limits request bodies.
    private let maxBody = 3 * 1024 * 1024

    init(cluster: SimCluster, connections: ServerState) {
        self.cluster = cluster
        self.connections = connections
    }

    func channelActive(context: ChannelHandlerContext) {
        let channel = context.channel
        let connections = self.connections
        Task { await connections.opened(channel) }
        context.fireChannelActive()
    }

    func channelInactive(context: ChannelHandlerContext) {
        let channel = context.channel
        let connections = self.connections
        Task { await connections.closed(channel) }
        context.fireChannelInactive()
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head(let requestHead):
            head = requestHead
            body.removeAll(keepingCapacity: true)
        case .body(var buffer):
            if body.count + buffer.readableBytes <= maxBody, let bytes = buffer.readBytes(length: buffer.readableBytes)
            {
                body += bytes
            }
        case .end:
            guard let requestHead = head else { return }
            head = nil
            let request = APIRequest(
                method: requestHead.method.rawValue, uri: requestHead.uri,
                headers: requestHead.headers.map { ($0.name, $0.value) }, body: body)
            let keepAlive = requestHead.isKeepAlive
            let cluster = self.cluster
            let channel = context.channel
            let loopBound = NIOLoopBound(context, eventLoop: context.eventLoop)
            Task {
                let latency = await cluster.addedLatency
                if latency > .zero { try? await Task.sleep(for: latency) }
                let response = await cluster.handle(request)
                switch response {
                case .full(let status, let headers, let bytes):
                    channel.eventLoop.execute {
                        Self.writeFull(
                            loopBound.value, status: status, headers: headers, body: bytes, keepAlive: keepAlive)
                    }
                case .stream(let headers, let chunks):
                    await Self.stream(channel: channel, context: loopBound, headers: headers, chunks: chunks)
                }
            }
        }
    }

    private static func writeFull(
        _ context: ChannelHandlerContext, status: Int, headers: [(name: String, value: String)], body: [UInt8],
        keepAlive: Bool
    ) {
        var httpHeaders = HTTPHeaders(headers.map { ($0.name, $0.value) })
        httpHeaders.replaceOrAdd(name: "Content-Length", value: String(body.count))
        httpHeaders.replaceOrAdd(name: "Connection", value: keepAlive ? "keep-alive" : "close")
        let head = HTTPResponseHead(
            version: .http1_1, status: HTTPResponseStatus(statusCode: status), headers: httpHeaders)
        context.write(NIOAny(HTTPServerResponsePart.head(head)), promise: nil)
        var buffer = context.channel.allocator.buffer(capacity: body.count)
        buffer.writeBytes(body)
        context.write(NIOAny(HTTPServerResponsePart.body(.byteBuffer(buffer))), promise: nil)
        let done = context.writeAndFlushWithPromise(NIOAny(HTTPServerResponsePart.end(nil)))
        if !keepAlive {
            let channel = context.channel
            done.whenComplete { _ in channel.close(promise: nil) }
        }
    }

    private static func stream(
        channel: any Channel, context: NIOLoopBound<ChannelHandlerContext>, headers: [(name: String, value: String)],
        chunks: AsyncStream<StreamChunk>
    ) async {
        var httpHeaders = HTTPHeaders(headers.map { ($0.name, $0.value) })
        httpHeaders.replaceOrAdd(name: "Transfer-Encoding", value: "chunked")
        httpHeaders.replaceOrAdd(name: "Cache-Control", value: "no-cache, private")
        let head = HTTPResponseHead(version: .http1_1, status: .ok, headers: httpHeaders)
        channel.eventLoop.execute {
            context.value.writeAndFlush(NIOAny(HTTPServerResponsePart.head(head)), promise: nil)
        }
        var last: EventLoopFuture<Void>?
        var written = 0
        for await chunk in chunks {
            guard channel.isActive else { break }
            switch chunk {
            case .data(let bytes):
                let future = channel.eventLoop.submit {
                    var buffer = context.value.channel.allocator.buffer(capacity: bytes.count)
                    buffer.writeBytes(bytes)
                    return context.value.writeAndFlushWithPromise(
                        NIOAny(HTTPServerResponsePart.body(.byteBuffer(buffer))))
                }.flatMap { $0 }
                last = future
                written += bytes.count
                // Wait for the socket only now and then, so a slow reader slows the stream instead of growing memory without bound.
                if written >= 4 << 20 {
                    written = 0
                    if (try? await future.get()) == nil { return }
                }
            case .cut(let bytes):
                channel.eventLoop.execute {
                    var buffer = context.value.channel.allocator.buffer(capacity: bytes.count)
                    buffer.writeBytes(bytes)
                    context.value.writeAndFlush(NIOAny(HTTPServerResponsePart.body(.byteBuffer(buffer))), promise: nil)
                    context.value.close(promise: nil)
                }
                return
            }
        }
        if let last { _ = try? await last.get() }
        channel.eventLoop.execute {
            context.value.writeAndFlush(NIOAny(HTTPServerResponsePart.end(nil))).whenComplete { _ in
                context.value.close(promise: nil)
            }
        }
    }
}

extension ChannelHandlerContext {
    func writeAndFlushWithPromise(_ data: NIOAny) -> EventLoopFuture<Void> {
        let promise = eventLoop.makePromise(of: Void.self)
        writeAndFlush(data, promise: promise)
        return promise.futureResult
    }
}
