/// The parser's weights laid out for scoring: a feature with many weights (the frequent ones: tags, tag pairs,
/// relations) keeps a dense row of every move's weight, added eight moves at a time; a rare one keeps its few
/// weights sparse, as ``PerceptronWeights`` does. Same scores, fewer steps: a move is chosen among some ninety.
struct RowWeights: FeatureScorer, Sendable {
    let tagCount: Int
    /// The length of a dense row and of the scores ``add(_:to:scratch:)`` writes: `tagCount` rounded up to eight.
    let width: Int
    /// Each slot packs a key (low 32 bits), where its weights start (24 bits: an entry, or a row for a dense feature)
    /// and their count (8 bits; 0xFF marks a dense row); key 0 marks an empty slot.
    private let slots: [UInt64]
    private let mask: Int
    private let entries: [PerceptronWeights.Entry]
    private let rows: [SIMD8<Float>]

    /// Features with more than `denseAbove` weights get a dense row.
    init(_ weights: PerceptronWeights, denseAbove: Int = 16) {
        tagCount = weights.tagCount
        let lanes = (weights.tagCount + 7) / 8
        width = lanes * 8
        var capacity = 16
        while capacity < weights.keys.count * 3 / 2 { capacity <<= 1 }
        var slots = [UInt64](repeating: 0, count: capacity)
        var entries: [PerceptronWeights.Entry] = []
        var rows: [SIMD8<Float>] = []
        for (f, key) in weights.keys.enumerated() {
            let own = weights.entries[Int(weights.starts[f])..<Int(weights.starts[f + 1])]
            let packed: UInt64
            if own.count > denseAbove {
                var row = [Float](repeating: 0, count: lanes * 8)
                for entry in own { row[Int(entry.tag)] = entry.weight }
                packed = UInt64(rows.count / lanes) << 32 | 0xFF << 56
                for lane in 0..<lanes { rows.append(SIMD8(row[(lane * 8)..<(lane * 8 + 8)])) }
            } else {
                packed = UInt64(entries.count) << 32 | UInt64(own.count) << 56
                entries.append(contentsOf: own)
            }
            precondition(entries.count < 1 << 24 && rows.count / lanes < 1 << 24, "too many weights for the slot table")
            var slot = PerceptronWeights.start(key) & (capacity - 1)
            while slots[slot] != 0 { slot = (slot + 1) & (capacity - 1) }
            slots[slot] = UInt64(key) | packed
        }
        self.slots = slots
        self.mask = capacity - 1
        self.entries = entries
        self.rows = rows
    }

    /// Adds the features' weights to `scores`, which must hold ``width`` values. The dense rows are summed four
    /// vectors of moves at a time in registers, each row read once, the scores loaded and stored once a block.
    @inline(__always)
    func add(_ keys: UnsafeBufferPointer<UInt32>, to scores: UnsafeMutablePointer<Float>, scratch found: UnsafeMutablePointer<UInt64>) {
        PerceptronWeights.findSlots(keys, in: slots, mask: mask, into: found)
        let lanes = width / 8
        let vectors = UnsafeMutableRawPointer(scores)
        let stride = MemoryLayout<SIMD8<Float>>.stride
        withUnsafeTemporaryAllocation(of: Int.self, capacity: keys.count) { dense in
            var denseCount = 0
            entries.withUnsafeBufferPointer { entries in
                PerceptronWeights.prefetchEntries(of: found, count: keys.count, in: entries)
                for f in 0..<keys.count where found[f] != 0 {
                    let start = Int(truncatingIfNeeded: found[f] >> 32) & 0xFF_FFFF
                    let count = Int(found[f] >> 56)
                    if count == 0xFF {
                        dense[denseCount] = start * lanes
                        denseCount += 1
                    } else {
                        for e in start..<(start + count) { scores[Int(entries[e].tag)] += entries[e].weight }
                    }
                }
            }
            rows.withUnsafeBufferPointer { rows in
                var lane = 0
                while lane + 4 <= lanes {
                    var a = vectors.loadUnaligned(fromByteOffset: lane * stride, as: SIMD8<Float>.self)
                    var b = vectors.loadUnaligned(fromByteOffset: (lane + 1) * stride, as: SIMD8<Float>.self)
                    var c = vectors.loadUnaligned(fromByteOffset: (lane + 2) * stride, as: SIMD8<Float>.self)
                    var d = vectors.loadUnaligned(fromByteOffset: (lane + 3) * stride, as: SIMD8<Float>.self)
                    for i in 0..<denseCount {
                        let row = dense[i] + lane
                        a += rows[row]
                        b += rows[row + 1]
                        c += rows[row + 2]
                        d += rows[row + 3]
                    }
                    vectors.storeBytes(of: a, toByteOffset: lane * stride, as: SIMD8<Float>.self)
                    vectors.storeBytes(of: b, toByteOffset: (lane + 1) * stride, as: SIMD8<Float>.self)
                    vectors.storeBytes(of: c, toByteOffset: (lane + 2) * stride, as: SIMD8<Float>.self)
                    vectors.storeBytes(of: d, toByteOffset: (lane + 3) * stride, as: SIMD8<Float>.self)
                    lane += 4
                }
                while lane < lanes {
                    var a = vectors.loadUnaligned(fromByteOffset: lane * stride, as: SIMD8<Float>.self)
                    for i in 0..<denseCount { a += rows[dense[i] + lane] }
                    vectors.storeBytes(of: a, toByteOffset: lane * stride, as: SIMD8<Float>.self)
                    lane += 1
                }
            }
        }
    }
}
