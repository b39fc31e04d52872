import Foundation

/// A TCP socket bound to a port without listening on it. Connections to the port are refused, as they are while an API
/// server is down, and no other program can be given the port meanwhile: a listener closed for a simulated outage could
/// otherwise lose its port to the next server or client that asks the system for any free one.
struct PortReservation: Sendable {
    private let descriptor: Int32

    /// Binds `host:port` (IPv4); nil when the address is not IPv4 or the port cannot be bound.
    init?(host: String, port: Int) {
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(truncatingIfNeeded: port).bigEndian)
        guard inet_pton(AF_INET, host, &address.sin_addr) == 1 else { return nil }
        // Close-on-exec: a program the simulator's process starts meanwhile must not take the reservation along.
        let socketDescriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard socketDescriptor >= 0 else { return nil }
        // Connections of the closed listener may linger in TIME_WAIT on this port.
        var reuse: Int32 = 1
        setsockopt(socketDescriptor, SOL_SOCKET, SO_REUSEADDR, &reuse, socklen_t(MemoryLayout<Int32>.size))
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(socketDescriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard bound == 0 else {
            close(socketDescriptor)
            return nil
        }
        descriptor = socketDescriptor
    }

    /// Gives the port back (just before the listener binds it again).
    func release() {
        close(descriptor)
    }
}
