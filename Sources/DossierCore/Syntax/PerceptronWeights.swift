import CPrefetch

/// Something that adds a feature's weights to the scores of every tag: the shipped weights, or those being trained.
protocol FeatureScorer {
    var tagCount: Int { get }
    /// Adds the weights of the features `keys`, feature by feature in order, to `scores` (one score a tag);
    /// `scratch` has room for one value a key.
    func add(_ keys: UnsafeBufferPointer<UInt32>, to scores: UnsafeMutablePointer<Float>, scratch: UnsafeMutablePointer<UInt64>)
}

/// The weights of one averaged perceptron, sparse: each feature keeps only the tags it has a weight for, found
/// through an open-addressing table keyed by the feature's 32-bit hash.
struct PerceptronWeights: FeatureScorer, Sendable {
    /// One weight of a feature.
    struct Entry: Sendable, Equatable {
        var tag: UInt32
        var weight: Float
    }

    let tagCount: Int
    /// The features' keys, in the order their entries are stored.
    let keys: [UInt32]
    /// Feature `f`'s entries are `entries[starts[f]..<starts[f + 1]]`.
    let starts: [UInt32]
    let entries: [Entry]
    /// The scale the weights are whole multiples of, up to 32,767 of it, as a model file stores them
    /// (``ModelWriter/weights(_:)``); nil for weights as trained.
    let scale: Float?
    /// Each slot packs a key (low 32 bits), the first of its entries (24 bits) and their count (8 bits); key 0
    /// marks an empty slot. At most two thirds full, 8 bytes a slot: the table stays small enough for the cache.
    private let slots: [UInt64]
    private let mask: Int

    init(tagCount: Int, keys: [UInt32], starts: [UInt32], entries: [Entry], scale: Float? = nil) {
        self.tagCount = tagCount
        self.scale = scale
        self.keys = keys
        self.starts = starts
        self.entries = entries
        precondition(entries.count < 1 << 24 && tagCount < 256, "too many weights for the slot table")
        var capacity = 16
        while capacity < keys.count * 3 / 2 { capacity <<= 1 }
        var slots = [UInt64](repeating: 0, count: capacity)
        for (f, key) in keys.enumerated() {
            var slot = Self.start(key) & (capacity - 1)
            while slots[slot] != 0 { slot = (slot + 1) & (capacity - 1) }
            slots[slot] = UInt64(key) | UInt64(starts[f]) << 32 | UInt64(starts[f + 1] - starts[f]) << 56
        }
        self.slots = slots
        self.mask = capacity - 1
    }

    /// The scale a model file stores the weights in: ``scale``, else the largest weight's magnitude over 32,767.
    var fileScale: Float {
        scale ?? max(entries.lazy.map { abs($0.weight) }.max() ?? 1, .leastNormalMagnitude) / Float(Int16.max)
    }

    /// These weights without those of magnitude `minimumWeight` or less, and without the features left with none.
    func pruned(minimumWeight: Float) -> PerceptronWeights {
        var keys: [UInt32] = []
        var starts: [UInt32] = [0]
        var kept: [Entry] = []
        for (f, key) in self.keys.enumerated() {
            let own = entries[Int(self.starts[f])..<Int(self.starts[f + 1])].filter { abs($0.weight) > minimumWeight }
            guard !own.isEmpty else { continue }
            kept.append(contentsOf: own)
            keys.append(key)
            starts.append(UInt32(kept.count))
        }
        return PerceptronWeights(tagCount: tagCount, keys: keys, starts: starts, entries: kept, scale: scale)
    }

    /// Every feature's slot is found before any weight is read, so that the cache misses of the slots overlap,
    /// and then those of the entries.
    @inline(__always)
    func add(_ keys: UnsafeBufferPointer<UInt32>, to scores: UnsafeMutablePointer<Float>, scratch found: UnsafeMutablePointer<UInt64>) {
        Self.findSlots(keys, in: slots, mask: mask, into: found)
        entries.withUnsafeBufferPointer { entries in
            Self.prefetchEntries(of: found, count: keys.count, in: entries)
            // An empty slot has no entries.
            for f in 0..<keys.count {
                let start = Int(truncatingIfNeeded: found[f] >> 32) & 0xFF_FFFF
                for e in start..<(start + Int(found[f] >> 56)) { scores[Int(entries[e].tag)] += entries[e].weight }
            }
        }
    }

    /// Finds the slot of each key of an open-addressing table keyed by the low 32 bits (0 when absent): every first
    /// probe before any second one, so that their cache misses overlap.
    @inline(__always)
    static func findSlots(_ keys: UnsafeBufferPointer<UInt32>, in slots: [UInt64], mask: Int, into found: UnsafeMutablePointer<UInt64>) {
        slots.withUnsafeBufferPointer { slots in
            // A prefetch retires at once where a load waits for its line: asked for first, all the misses overlap.
            for key in keys { dossier_prefetch(slots.baseAddress! + (start(key) & mask)) }
            for (f, key) in keys.enumerated() { found[f] = slots[start(key) & mask] }
            for (f, key) in keys.enumerated() {
                var slot = start(key) & mask
                while UInt32(truncatingIfNeeded: found[f]) != key && found[f] != 0 {
                    slot = (slot + 1) & mask
                    found[f] = slots[slot]
                }
            }
        }
    }

    /// Asks for the first entry of each found slot (`found` as ``findSlots(_:in:mask:into:)`` fills it) before any is
    /// read, so that their cache misses overlap instead of coming one feature after another.
    @inline(__always)
    static func prefetchEntries(of found: UnsafeMutablePointer<UInt64>, count: Int, in entries: UnsafeBufferPointer<Entry>) {
        guard let base = entries.baseAddress else { return }
        for f in 0..<count where found[f] != 0 {
            dossier_prefetch(base + (Int(truncatingIfNeeded: found[f] >> 32) & 0xFF_FFFF))
        }
    }

    /// Where a key's probe starts in a table of `mask + 1` slots.
    @inline(__always)
    static func start(_ key: UInt32) -> Int { Int(truncatingIfNeeded: UInt64(key) &* 0x9E37_79B9_7F4A_7C15 >> 40) }
}

/// Trains an averaged perceptron (Collins 2002; averaging kept lazily, as in Honnibal's tagger): weights are
/// dense rows, one for each feature that ever took part in a mistake.
final class PerceptronTrainer: FeatureScorer {
    let tagCount: Int
    private var rows: [UInt32: Int32] = [:]
    private var rowKeys: [UInt32] = []
    private var weights: [Float] = []
    private var totals: [Double] = []
    private var stamps: [Int] = []
    /// How often each feature was seen while `countsFeatures`.
    private var counts: [UInt32: Int32] = [:]
    /// Whether ``learn(_:truth:guess:)`` counts the features it is shown (the first epoch is enough).
    var countsFeatures = true
    private var instances = 0

    init(tagCount: Int) { self.tagCount = tagCount }

    func add(_ keys: UnsafeBufferPointer<UInt32>, to scores: UnsafeMutablePointer<Float>, scratch: UnsafeMutablePointer<UInt64>) {
        weights.withUnsafeBufferPointer { w in
            for key in keys {
                guard let row = rows[key] else { continue }
                let base = Int(row) * tagCount
                for t in 0..<tagCount { scores[t] += w[base + t] }
            }
        }
    }

    /// One decision: when `guess` is wrong, the features move towards `truth` and away from `guess`.
    func learn(_ keys: UnsafeBufferPointer<UInt32>, truth: Int, guess: Int) {
        instances += 1
        count(keys)
        guard truth != guess else { return }
        for key in keys {
            let base = Int(rows[key] ?? newRow(key)) * tagCount
            bump(base + truth, by: 1)
            bump(base + guess, by: -1)
        }
    }

    /// Counts the features of one decision, while ``countsFeatures``, without learning from it.
    func count(_ keys: UnsafeBufferPointer<UInt32>) {
        if countsFeatures { for key in keys { counts[key, default: 0] += 1 } }
    }

    /// One instance of a structured update (a sentence), whose steps ``update(_:tag:by:)`` then moves.
    func tick() { instances += 1 }

    /// Adds `delta` to the weight of `tag` for each feature: one step of a structured update.
    func update(_ keys: UnsafeBufferPointer<UInt32>, tag: Int, by delta: Float) {
        for key in keys { bump(Int(rows[key] ?? newRow(key)) * tagCount + tag, by: delta) }
    }

    /// The averaged weights, without features seen fewer than `minimumCount` times and weights that are zero.
    func averaged(minimumCount: Int) -> PerceptronWeights {
        var keys: [UInt32] = []
        var starts: [UInt32] = [0]
        var entries: [PerceptronWeights.Entry] = []
        let now = Double(max(instances, 1))
        for (row, key) in rowKeys.enumerated() where counts[key, default: 0] >= minimumCount {
            let before = entries.count
            for t in 0..<tagCount {
                let j = row * tagCount + t
                let average = (totals[j] + Double(instances - stamps[j]) * Double(weights[j])) / now
                if average != 0 { entries.append(.init(tag: UInt32(t), weight: Float(average))) }
            }
            if entries.count > before {
                keys.append(key)
                starts.append(UInt32(entries.count))
            }
        }
        return PerceptronWeights(tagCount: tagCount, keys: keys, starts: starts, entries: entries)
    }

    private func newRow(_ key: UInt32) -> Int32 {
        let row = Int32(rowKeys.count)
        rows[key] = row
        rowKeys.append(key)
        weights.append(contentsOf: repeatElement(0, count: tagCount))
        totals.append(contentsOf: repeatElement(0, count: tagCount))
        stamps.append(contentsOf: repeatElement(instances, count: tagCount))
        return row
    }

    @inline(__always)
    private func bump(_ j: Int, by delta: Float) {
        totals[j] += Double(instances - stamps[j]) * Double(weights[j])
        stamps[j] = instances
        weights[j] += delta
    }
}
