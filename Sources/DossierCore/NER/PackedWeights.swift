/// A model file's weights laid out for tagging: open addressing where each slot holds a feature's key and, for each
/// of the model's one or two passes, its ``NameTag/count`` one-byte quantised weights side by side (16 bytes a slot
/// for one pass, 32 for two), so a feature costs one memory read for both passes. Each pass's 256 byte values are
/// dequantised once, as the file reader does, to the very values ``TaggerWeights/weights`` holds; a feature one pass
/// lacks has zero weights there, which add nothing.
///
/// A second pass reads the same keys as the first but for its last ``NameFeatures/earlierCount`` a word, so while
/// the first pass sums its weights, the second pass's sums over the features before those are made from the same
/// slots; the second pass then adds only its own last features. The sums are made feature by feature in order, as
/// ``TaggerWeights/decode(_:)`` makes them, and so come to the same values.
struct PackedWeights: Sendable {
    /// One pass as a model file stores it.
    struct Pass {
        var keys: [UInt32]
        /// ``NameTag/count`` bytes a key.
        var quantised: [UInt8]
        /// The largest weight's magnitude, which the bytes are fractions of.
        var scale: Float
        var transitions: [Float]
    }

    /// The key of each slot (0: empty), then each pass's quantised weights' bytes.
    private let slots: [UInt32]
    private let mask: Int
    /// A slot is `1 << slotShift` bytes.
    private let slotShift: Int
    /// Each pass's weight of each byte value: 256 a pass.
    private let values: [Float]
    private let transitions: [[Float]]

    /// The passes of a model file, one or two.
    init(_ passes: [Pass]) {
        precondition((1...2).contains(passes.count) && NameTag.count == 9)
        let tags = NameTag.count
        let slotShift = passes.count == 1 ? 4 : 5
        var capacity = 16
        // At most two thirds full: the table stays small enough for the cache.
        while capacity < Set(passes.flatMap(\.keys)).count * 3 / 2 { capacity <<= 1 }
        var slots = [UInt32](repeating: 0, count: (capacity << slotShift) / 4)
        slots.withUnsafeMutableBytes { raw in
            for (p, pass) in passes.enumerated() {
                for (row, key) in pass.keys.enumerated() {
                    var slot = FeatureTable.start(key) & (capacity - 1)
                    while true {
                        let found = raw.load(fromByteOffset: slot << slotShift, as: UInt32.self)
                        if found == 0 || found == key { break }
                        slot = (slot + 1) & (capacity - 1)
                    }
                    raw.storeBytes(of: key, toByteOffset: slot << slotShift, as: UInt32.self)
                    for t in 0..<tags {
                        raw.storeBytes(
                            of: pass.quantised[row * tags + t], toByteOffset: (slot << slotShift) + 4 + p * tags + t, as: UInt8.self)
                    }
                }
            }
        }
        self.slots = slots
        self.mask = capacity - 1
        self.slotShift = slotShift
        self.values = passes.flatMap { pass in (0...255).map { TaggerWeights.dequantise(Int8(bitPattern: UInt8($0)), scale: pass.scale) } }
        self.transitions = passes.map(\.transitions)
    }

    /// The best tags of every sentence of a document, as indices into ``NameTag/labels``, given its feature keys
    /// (``NameFeatures/perWord`` a word) for the first pass; `setEarlier` sets the keys that read the first pass's tags
    /// for the second.
    func tags(_ keys: inout [[UInt32]], setEarlier: (inout [[UInt32]], [[UInt8]]) -> Void) -> [[UInt8]] {
        var scores: [Float] = []
        var firstFound: [UInt32] = []
        var later: [[Float]] = []
        let twoPasses = transitions.count == 2
        let first = keys.map { sentence in
            let n = sentence.count / NameFeatures.perWord
            var laterScores = [Float](repeating: 0, count: twoPasses ? n * NameTag.count : 0)
            firstPass(sentence, scores: &scores, later: &laterScores, firstFound: &firstFound)
            later.append(laterScores)
            return scores.withUnsafeBufferPointer { Viterbi.best(emissions: $0, count: n, transitions: transitions[0]) }
        }
        guard twoPasses else { return first }
        setEarlier(&keys, first)
        return zip(keys, later).map { sentence, partial in
            var scores = partial
            secondPass(sentence, scores: &scores)
            return scores.withUnsafeBufferPointer {
                Viterbi.best(emissions: $0, count: sentence.count / NameFeatures.perWord, transitions: transitions[1])
            }
        }
    }

    /// The first pass's tag scores of one sentence's words into `scores`, and, with two passes, the second pass's
    /// sums over the features that read no earlier tags into `later`. The key in each feature's first slot is read
    /// for the whole sentence before any is used (into `firstFound`, scratch space), so that the cache misses overlap.
    private func firstPass(_ keys: [UInt32], scores: inout [Float], later: inout [Float], firstFound: inout [UInt32]) {
        let n = keys.count / NameFeatures.perWord
        let tags = NameTag.count
        if scores.count < n * tags { scores = [Float](repeating: 0, count: n * tags) }
        let shared = NameFeatures.perWord - NameFeatures.earlierCount
        let twoPasses = !later.isEmpty
        withSlots { slots in
            firstFound.removeAll(keepingCapacity: true)
            for key in keys { firstFound.append(slots.first(key)) }
            scores.withUnsafeMutableBufferPointer { scores in
                later.withUnsafeMutableBufferPointer { later in
                    for i in 0..<n {
                        var sum = SIMD8<Float>(repeating: 0)
                        var last: Float = 0
                        var laterSum = SIMD8<Float>(repeating: 0)
                        var laterLast: Float = 0
                        let start = i * NameFeatures.perWord
                        for f in start..<(start + shared) {
                            guard let offset = slots.offset(of: keys[f], firstFound: firstFound[f]) else { continue }
                            slots.add(offset, pass: 0, to: &sum, &last)
                            if twoPasses { slots.add(offset, pass: 1, to: &laterSum, &laterLast) }
                        }
                        for f in (start + shared)..<(start + NameFeatures.perWord) {
                            guard let offset = slots.offset(of: keys[f], firstFound: firstFound[f]) else { continue }
                            slots.add(offset, pass: 0, to: &sum, &last)
                        }
                        Self.store(sum, last, into: scores, at: i * tags)
                        if twoPasses { Self.store(laterSum, laterLast, into: later, at: i * tags) }
                    }
                }
            }
        }
    }

    /// Completes the second pass's tag scores of one sentence's words: `scores` holds its sums over the features that
    /// read no earlier tags; the weights of those that do are added.
    private func secondPass(_ keys: [UInt32], scores: inout [Float]) {
        let tags = NameTag.count
        let shared = NameFeatures.perWord - NameFeatures.earlierCount
        withSlots { slots in
            scores.withUnsafeMutableBufferPointer { scores in
                for i in 0..<(keys.count / NameFeatures.perWord) {
                    var sum = SIMD8<Float>(scores[(i * tags)..<(i * tags + 8)])
                    var last = scores[i * tags + 8]
                    for f in (i * NameFeatures.perWord + shared)..<((i + 1) * NameFeatures.perWord) {
                        let key = keys[f]
                        guard let offset = slots.offset(of: key, firstFound: slots.first(key)) else { continue }
                        slots.add(offset, pass: 1, to: &sum, &last)
                    }
                    Self.store(sum, last, into: scores, at: i * tags)
                }
            }
        }
    }

    @inline(__always)
    private static func store(_ sum: SIMD8<Float>, _ last: Float, into scores: UnsafeMutableBufferPointer<Float>, at base: Int) {
        for t in 0..<8 { scores[base + t] = sum[t] }
        scores[base + 8] = last
    }

    @inline(__always)
    private func withSlots(_ body: (Slots) -> Void) {
        slots.withUnsafeBytes { raw in
            values.withUnsafeBufferPointer { values in body(Slots(raw: raw, values: values, mask: mask, shift: slotShift)) }
        }
    }

    /// The slots, read.
    private struct Slots {
        let raw: UnsafeRawBufferPointer
        /// ``PackedWeights/values``.
        let values: UnsafeBufferPointer<Float>
        let mask: Int
        let shift: Int

        /// The key in the slot a key's search starts from.
        @inline(__always)
        func first(_ key: UInt32) -> UInt32 {
            raw.load(fromByteOffset: (FeatureTable.start(key) & mask) &<< shift, as: UInt32.self)
        }

        /// The byte offset of a key's slot, or nil when the model lacks it; `firstFound` is ``first(_:)`` of the key.
        @inline(__always)
        func offset(of key: UInt32, firstFound: UInt32) -> Int? {
            var slot = FeatureTable.start(key) & mask
            var found = firstFound
            while found != key && found != 0 {
                slot = (slot &+ 1) & mask
                found = raw.load(fromByteOffset: slot &<< shift, as: UInt32.self)
            }
            return found == 0 ? nil : slot &<< shift
        }

        /// Adds one pass's weights of the feature in the slot at `offset`.
        @inline(__always)
        func add(_ offset: Int, pass: Int, to sum: inout SIMD8<Float>, _ last: inout Float) {
            // Offsets within the slot and indices within a pass's 256 values: no arithmetic here can overflow.
            let bytes = raw.baseAddress! + (offset &+ 4 &+ pass &* NameTag.count)
            let values = values.baseAddress! + (pass &<< 8)
            @inline(__always) func weight(_ t: Int) -> Float { values[Int(bytes.load(fromByteOffset: t, as: UInt8.self))] }
            sum += SIMD8(weight(0), weight(1), weight(2), weight(3), weight(4), weight(5), weight(6), weight(7))
            last += weight(8)
        }
    }
}
