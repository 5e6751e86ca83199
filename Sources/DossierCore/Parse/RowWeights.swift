import CPrefetch

/// A perceptron's weights laid out for scoring (the parser's, the tagger's): a feature with many weights (the
/// parser's frequent ones: tags, tag pairs, relations) keeps a dense row of every move's weight, added eight moves at
/// a time; a feature with one weight keeps it in its slot; the others keep their few weights sparse, four bytes each,
/// in the units a model file stores them in (``PerceptronWeights/fileScale``). The same scores as
/// ``PerceptronWeights`` gives a model read from a file, in fewer steps and fewer cache lines: the parser chooses a
/// move among some ninety. With no dense row, the sums are made in ``PerceptronWeights``' own order, so the floats
/// are the same too.
struct RowWeights: FeatureScorer, Sendable {
    let tagCount: Int
    /// The length of a dense row and of the scores ``add(_:to:scratch:)`` writes: `tagCount` rounded up to eight.
    let width: Int
    /// Each slot packs a key (low 32 bits), 24 bits and a count (8 bits): for one weight, the weight itself
    /// (``entry(_:_:)``); for a few, where their entries start; for a dense row (count 0xFF), which row. Key 0 marks
    /// an empty slot.
    private let slots: [UInt64]
    private let mask: Int
    /// Sparse weights, as ``entry(_:_:)`` packs them.
    private let entries: [UInt32]
    private let rows: [SIMD8<Float>]
    /// What a sparse weight's unit weighs.
    private let scale: Float

    /// Features with more than `denseAbove` weights get a dense row.
    init(_ weights: PerceptronWeights, denseAbove: Int = 16) {
        tagCount = weights.tagCount
        let lanes = (weights.tagCount + 7) / 8
        width = lanes * 8
        var capacity = 16
        while capacity < weights.keys.count * 3 / 2 { capacity <<= 1 }
        var slots = [UInt64](repeating: 0, count: capacity)
        let scale = weights.fileScale
        // Each weight as the file holds it (a loaded model's own weights), in units of the scale.
        let units = { (weight: PerceptronWeights.Entry) in Int16((weight.weight / scale).rounded()) }
        var entries: [UInt32] = []
        var rows: [SIMD8<Float>] = []
        for (f, key) in weights.keys.enumerated() {
            let own = weights.entries[Int(weights.starts[f])..<Int(weights.starts[f + 1])]
            let packed: UInt64
            if own.count > denseAbove {
                var row = [Float](repeating: 0, count: lanes * 8)
                for weight in own { row[Int(weight.tag)] = Float(units(weight)) * scale }
                packed = UInt64(rows.count / lanes) << 32 | 0xFF << 56
                for lane in 0..<lanes { rows.append(SIMD8(row[(lane * 8)..<(lane * 8 + 8)])) }
            } else if own.count == 1, let only = own.first {
                packed = UInt64(Self.entry(only.tag, units(only))) << 32 | 1 << 56
            } else {
                packed = UInt64(entries.count) << 32 | UInt64(own.count) << 56
                entries.append(contentsOf: own.map { Self.entry($0.tag, units($0)) })
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
        self.scale = scale
    }

    /// A weight of `units` units of ``scale`` for `tag`, packed in 24 bits.
    private static func entry(_ tag: UInt32, _ units: Int16) -> UInt32 { tag << 16 | UInt32(UInt16(bitPattern: units)) }

    /// Adds the weight an ``entry(_:_:)`` packs to its tag's score: the same product the model file's reader makes.
    @inline(__always)
    private func add(_ entry: UInt32, to scores: UnsafeMutablePointer<Float>) {
        scores[Int(entry >> 16 & 0xFF)] += Float(Int16(truncatingIfNeeded: entry)) * scale
    }

    /// Adds the features' weights to `scores`, which must hold ``width`` values (``tagCount`` where no feature has a
    /// dense row). The dense rows are summed four vectors of moves at a time in registers, each row read once, the
    /// scores loaded and stored once a block.
    @inline(__always)
    func add(_ keys: UnsafeBufferPointer<UInt32>, to scores: UnsafeMutablePointer<Float>, scratch found: UnsafeMutablePointer<UInt64>) {
        PerceptronWeights.findSlots(keys, in: slots, mask: mask, into: found)
        let lanes = width / 8
        let vectors = UnsafeMutableRawPointer(scores)
        let stride = MemoryLayout<SIMD8<Float>>.stride
        withUnsafeTemporaryAllocation(of: Int.self, capacity: keys.count) { dense in
            var denseCount = 0
            entries.withUnsafeBufferPointer { entries in
                if let base = entries.baseAddress {
                    for f in 0..<keys.count where found[f] >> 56 > 1 && found[f] >> 56 != 0xFF {
                        dossier_prefetch(base + (Int(truncatingIfNeeded: found[f] >> 32) & 0xFF_FFFF))
                    }
                }
                for f in 0..<keys.count where found[f] != 0 {
                    let start = Int(truncatingIfNeeded: found[f] >> 32) & 0xFF_FFFF
                    switch Int(found[f] >> 56) {
                    case 0xFF:
                        dense[denseCount] = start * lanes
                        denseCount += 1
                    case 1:
                        add(UInt32(start), to: scores)
                    case let count:
                        for e in start..<(start + count) { add(entries[e], to: scores) }
                    }
                }
            }
            guard denseCount > 0 else { return }
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
