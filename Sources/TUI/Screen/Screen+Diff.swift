/// One cell that differs between two screens.
public struct CellChange: Hashable, Sendable {
    public var x: Int
    public var y: Int
    public var cell: Cell
}

extension Screen {
    /// The cells of this screen that differ from `previous`, in row order.
    ///
    /// Every cell is listed when there is no previous screen or its size differs.
    /// When the right half of a wide character changes, its left half is listed too,
    /// so a backend that draws wide characters from their left cell never misses one.
    public func changes(from previous: Screen?) -> [CellChange] {
        let comparable = previous.map { $0.size == size } ?? false
        var result: [CellChange] = []
        for y in 0..<height {
            for x in 0..<width {
                let cell = self[x, y]
                guard !comparable || previous?[x, y] != cell else { continue }
                if cell.isContinuation, x > 0, result.last.map({ $0.x != x - 1 || $0.y != y }) ?? true {
                    result.append(CellChange(x: x - 1, y: y, cell: self[x - 1, y]))
                }
                result.append(CellChange(x: x, y: y, cell: cell))
            }
        }
        return result
    }
}
