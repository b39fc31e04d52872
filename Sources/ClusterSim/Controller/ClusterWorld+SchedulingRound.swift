extension ClusterWorld {
    /// One scheduling pass's view of the nodes: what each allows and what is placed on it so far.
    final class SchedulingRound {
        let capacities: [NodeCapacity]
        var load: [NodeLoad]
        let nodeCount: Int
        // Plain arrays: `leastLoaded` runs pending pods × nodes times and must not touch the names' storage.
        private let podLimits: [Int]
        private let memoryLimits: [Int64]
        private let cpuLimits: [Int64]

        init(capacities: [NodeCapacity], load: [NodeLoad], nodeCount: Int) {
            self.capacities = capacities
            self.load = load
            self.nodeCount = nodeCount
            podLimits = capacities.map(\.pods)
            memoryLimits = capacities.map(\.memory)
            cpuLimits = capacities.map(\.cpu)
        }

        /// The position of the node with the lowest share of its memory placed that the requests fit on.
        func leastLoaded(memory: Int64, cpu: Int64) -> Int? {
            var best: (index: Int, fraction: Double)?
            for index in capacities.indices {
                let used = load[index]
                guard used.pods < podLimits[index], used.memory + memory <= memoryLimits[index],
                    used.cpu + cpu <= cpuLimits[index]
                else { continue }
                let fraction = Double(used.memory) / Double(max(1, memoryLimits[index]))
                // Nodes are in name order, so of equally loaded nodes the first seen has the smallest name.
                if let current = best, fraction >= current.fraction { continue }
                best = (index, fraction)
            }
            return best?.index
        }
    }
}
