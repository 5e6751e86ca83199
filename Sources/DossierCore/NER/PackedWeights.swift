/// A model file's weights laid out for tagging: open addressing where each slot holds a feature's key and, for each
/// of the model's one or two passes, its ``NameTag/count`` one-byte quantised weights side by side (16 bytes a slot
/// for one pass, 32 for two), so a feature costs one memory read for both passes. A feature one pass lacks has zero
/// weights there, which add nothing.
///
/// A byte `q` stands for the weight `q·|q|·scale/127²` (square-root companding, ``TaggerWeights/dequantise(_:scale:)``),
/// so a word's scores are summed as integers `q·|q|`, eight tags at once, and scaled once: exact sums, which the
/// float sums of ``TaggerWeights/decode(_:)`` approach to within rounding.
///
/// A second pass reads the same keys as the first but for its last ``NameFeatures/earlierCount`` a word, so while
/// the first pass sums its weights, the second pass's sums over the features before those are made from the same
/// slots; the second pass then adds only its own last features.
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
    /// Each pass's weight of an integer sum: its scale / 127².
    private let units: [Float]
    /// Each pass's transitions, those not allowed -∞ (``Viterbi/allowed(_:)``).
    private let transitions: [[Float]]

    /// The passes of a model file, one or two.
    init(_ passes: [Pass]) {
        precondition((1...2).contains(passes.count) && NameTag.count == 9)
        let tags = NameTag.count
        let slotShift = passes.count == 1 ? 4 : 5
        var capacity = 16
        // At most two thirds full: the table stays small enough for the cache.
        while capacity < Set(passes.flatMap(\.keys)).count * 3 / 2 { capacity <<= 1 }
        // Four bytes past the last slot: a pass's weights are read sixteen bytes at a time.
        var slots = [UInt32](repeating: 0, count: (capacity << slotShift) / 4 + 4)
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
        self.units = passes.map { $0.scale / Float(127 * 127) }
        self.transitions = passes.map { Viterbi.allowed($0.transitions) }
    }

    /// The best tags of every sentence of a document, as indices into ``NameTag/labels``, given its feature keys
    /// (``NameFeatures/perWord`` a word) for the first pass; `setEarlier` sets the keys that read the first pass's tags
    /// for the second.
    func tags(_ keys: inout [[UInt32]], setEarlier: (inout [[UInt32]], [[UInt8]]) -> Void) -> [[UInt8]] {
        var scores: [Float] = []
        var firstFound: [UInt32] = []
        var later: [[Int32]] = []
        let first = keys.map { firstTags($0, later: &later, scores: &scores, firstFound: &firstFound) }
        guard transitions.count == 2 else { return first }
        setEarlier(&keys, first)
        return zip(keys, later).map { secondTags($0, $1, scores: &scores) }
    }

    /// ``tags(_:setEarlier:)`` for a document too long to hold every word's keys at once (some 200 bytes a word): the
    /// keys of sentence `s` are made by `keys(s)` for the first pass, dropped, and made again for the second, where
    /// `setEarlier(firstTags)` gives what sets a sentence's keys that read the first pass's tags. The same tags, for
    /// twice the work of making the keys.
    func tags(
        sentenceCount: Int, keys: (Int) -> [UInt32], setEarlier: ([[UInt8]]) -> (inout [UInt32], Int) -> Void
    ) -> [[UInt8]] {
        var scores: [Float] = []
        var firstFound: [UInt32] = []
        var later: [[Int32]] = []
        let first = (0..<sentenceCount).map { firstTags(keys($0), later: &later, scores: &scores, firstFound: &firstFound) }
        guard transitions.count == 2 else { return first }
        let set = setEarlier(first)
        return (0..<sentenceCount).map { s in
            var sentence = keys(s)
            set(&sentence, s)
            return secondTags(sentence, later[s], scores: &scores)
        }
    }

    /// The first pass's best tags of one sentence; with two passes, the second pass's sums over the features that read
    /// no earlier tags are appended to `later`.
    private func firstTags(_ sentence: [UInt32], later: inout [[Int32]], scores: inout [Float], firstFound: inout [UInt32]) -> [UInt8] {
        let n = sentence.count / NameFeatures.perWord
        var laterSums = [Int32](repeating: 0, count: transitions.count == 2 ? n * NameTag.count : 0)
        firstPass(sentence, scores: &scores, later: &laterSums, firstFound: &firstFound)
        later.append(laterSums)
        return scores.withUnsafeBufferPointer { Viterbi.best(emissions: $0, count: n, allowed: transitions[0]) }
    }

    /// The second pass's best tags of one sentence, its keys that read the first pass's tags set.
    private func secondTags(_ sentence: [UInt32], _ partial: [Int32], scores: inout [Float]) -> [UInt8] {
        secondPass(sentence, partial, scores: &scores)
        return scores.withUnsafeBufferPointer {
            Viterbi.best(emissions: $0, count: sentence.count / NameFeatures.perWord, allowed: transitions[1])
        }
    }

    /// The first pass's tag scores of one sentence's words into `scores`, and, with two passes, the second pass's
    /// integer sums over the features that read no earlier tags into `later`. The key in each feature's first slot is
    /// read for the whole sentence before any is used (into `firstFound`, scratch space), so that the cache misses
    /// overlap.
    private func firstPass(_ keys: [UInt32], scores: inout [Float], later: inout [Int32], firstFound: inout [UInt32]) {
        let n = keys.count / NameFeatures.perWord
        let tags = NameTag.count
        if scores.count < n * tags { scores = [Float](repeating: 0, count: n * tags) }
        let shared = NameFeatures.perWord - NameFeatures.earlierCount
        let twoPasses = !later.isEmpty
        let unit = units[0]
        withSlots { slots in
            firstFound.removeAll(keepingCapacity: true)
            for key in keys { firstFound.append(slots.first(key)) }
            scores.withUnsafeMutableBufferPointer { scores in
                later.withUnsafeMutableBufferPointer { later in
                    for i in 0..<n {
                        var sum = Sum()
                        var laterSum = Sum()
                        let start = i * NameFeatures.perWord
                        for f in start..<(start + shared) {
                            guard let offset = slots.offset(of: keys[f], firstFound: firstFound[f]) else { continue }
                            slots.add(offset, pass: 0, to: &sum)
                            if twoPasses { slots.add(offset, pass: 1, to: &laterSum) }
                        }
                        for f in (start + shared)..<(start + NameFeatures.perWord) {
                            guard let offset = slots.offset(of: keys[f], firstFound: firstFound[f]) else { continue }
                            slots.add(offset, pass: 0, to: &sum)
                        }
                        sum.store(into: scores, at: i * tags, unit: unit)
                        if twoPasses { laterSum.store(into: later, at: i * tags) }
                    }
                }
            }
        }
    }

    /// The second pass's tag scores of one sentence's words into `scores`: `partial` holds its integer sums over the
    /// features that read no earlier tags; the weights of those that do are added.
    private func secondPass(_ keys: [UInt32], _ partial: [Int32], scores: inout [Float]) {
        let tags = NameTag.count
        let n = keys.count / NameFeatures.perWord
        if scores.count < n * tags { scores = [Float](repeating: 0, count: n * tags) }
        let shared = NameFeatures.perWord - NameFeatures.earlierCount
        let unit = units[1]
        withSlots { slots in
            scores.withUnsafeMutableBufferPointer { scores in
                for i in 0..<n {
                    var sum = Sum(partial, at: i * tags)
                    for f in (i * NameFeatures.perWord + shared)..<((i + 1) * NameFeatures.perWord) {
                        let key = keys[f]
                        guard let offset = slots.offset(of: key, firstFound: slots.first(key)) else { continue }
                        slots.add(offset, pass: 1, to: &sum)
                    }
                    sum.store(into: scores, at: i * tags, unit: unit)
                }
            }
        }
    }

    /// One word's integer sums of ``NameTag/count`` tag weights: eight together, the ninth apart.
    private struct Sum {
        var first8 = SIMD8<Int32>(repeating: 0)
        var last: Int32 = 0

        init() {}

        init(_ sums: [Int32], at base: Int) {
            for t in 0..<8 { first8[t] = sums[base + t] }
            last = sums[base + 8]
        }

        @inline(__always)
        func store(into scores: UnsafeMutableBufferPointer<Float>, at base: Int, unit: Float) {
            let scaled = SIMD8<Float>(first8) * unit
            for t in 0..<8 { scores[base + t] = scaled[t] }
            scores[base + 8] = Float(last) * unit
        }

        @inline(__always)
        func store(into sums: UnsafeMutableBufferPointer<Int32>, at base: Int) {
            for t in 0..<8 { sums[base + t] = first8[t] }
            sums[base + 8] = last
        }
    }

    @inline(__always)
    private func withSlots(_ body: (Slots) -> Void) {
        slots.withUnsafeBytes { raw in body(Slots(raw: raw, mask: mask, shift: slotShift)) }
    }

    /// The slots, read.
    private struct Slots {
        let raw: UnsafeRawBufferPointer
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

        /// Adds one pass's weights of the feature in the slot at `offset`: each byte `q` as `q·|q|`.
        @inline(__always)
        func add(_ offset: Int, pass: Int, to sum: inout Sum) {
            // Offsets within the slot (and the padding after the last): no arithmetic here can overflow.
            let bytes = raw.baseAddress! + (offset &+ 4 &+ pass &* NameTag.count)
            let q = SIMD8<Int16>(truncatingIfNeeded: bytes.loadUnaligned(as: SIMD8<Int8>.self))
            let sign = q &>> 15
            sum.first8 &+= SIMD8<Int32>(truncatingIfNeeded: q &* ((q ^ sign) &- sign))
            let ninth = Int32(bytes.load(fromByteOffset: 8, as: Int8.self))
            sum.last &+= ninth &* abs(ninth)
        }
    }
}
