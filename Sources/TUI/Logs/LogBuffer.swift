import ClusterModel

/// The lines of a log view: the last `capacity` lines received, numbered from the first line ever received, so a
/// position (the top of the view, a search match) stays put while older lines fall off the front.
public struct LogBuffer: Hashable, Sendable {
    /// The most lines kept (the last 100,000 by default).
    public let capacity: Int
    private var storage: [LogLine] = []
    /// Where the oldest kept line sits in `storage` once it is full.
    private var head = 0
    /// How many lines fell off the front.
    public private(set) var dropped = 0

    public init(capacity: Int = 100_000) {
        self.capacity = max(1, capacity)
    }

    /// Lines kept.
    public var count: Int { storage.count }
    public var isEmpty: Bool { storage.isEmpty }
    /// The number of the oldest kept line.
    public var firstNumber: Int { dropped }
    /// One past the number of the newest line.
    public var endNumber: Int { dropped + storage.count }

    /// The line numbered `number`, if it is kept.
    public subscript(number: Int) -> LogLine? {
        let offset = number - dropped
        guard offset >= 0, offset < storage.count else { return nil }
        return storage[(head + offset) % storage.count]
    }

    /// Adds lines at the end, dropping the oldest beyond the capacity.
    public mutating func append(contentsOf lines: some Collection<LogLine>) {
        let kept = lines.suffix(capacity)
        dropped += lines.count - kept.count
        for line in kept {
            if storage.count < capacity {
                storage.append(line)
            } else {
                storage[head] = line
                head = (head + 1) % capacity
                dropped += 1
            }
        }
    }
}
