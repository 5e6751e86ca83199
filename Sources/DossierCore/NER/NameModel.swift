import Foundation

/// The recogniser's parameters: one or two passes of tagger weights (the second reads the first's tags), and the
/// word clusters and gazetteer the features read.
struct NameModel: Sendable {
    var passes: [TaggerWeights]
    var clusters: WordClusters
    var gazetteer: Gazetteer
    /// What the model was trained on and what it scored.
    var notes: String
    /// The passes' weights packed together for tagging, when they were read from a model file (quantised) of one or
    /// two passes; nil while training.
    var packed: PackedWeights?
}

/// One tagging pass: a weight for each (feature, tag) pair and one for each pair of neighbouring tags.
struct TaggerWeights: Sendable {
    /// (``NameTag/count`` + 1) × ``NameTag/count`` weights: row `p` for tag `p` before, the last row for the sentence's start.
    var transitions: [Float]
    /// Each feature's row of ``NameTag/count`` weights.
    var table: FeatureTable
    var weights: [Float]

    /// The best tag sequence for each sentence of a document, given its feature keys.
    func decode(_ keys: [[UInt32]]) -> [[UInt8]] {
        var scores: [Float] = []
        var rows: [Int32] = []
        return keys.map { sentence in
            rows.removeAll(keepingCapacity: true)
            for key in sentence { rows.append(table.row(key)) }
            return rows.withUnsafeBufferPointer {
                Self.decode(
                    rows: $0, count: sentence.count / NameFeatures.perWord, weights: weights, transitions: transitions, scores: &scores)
            }
        }
    }

    /// The best tag sequence for a sentence, given each word's feature rows (``NameFeatures/perWord`` a word, -1 for
    /// features the model lacks) and the weights; `scores` is scratch space.
    static func decode(
        rows: UnsafeBufferPointer<Int32>, count n: Int, weights: [Float], transitions: [Float], scores: inout [Float]
    ) -> [UInt8] {
        let tags = NameTag.count
        if scores.count < n * tags { scores = [Float](repeating: 0, count: n * tags) }
        // Each word's tag scores: the sum, feature by feature in order, of the weights of its features.
        weights.withUnsafeBufferPointer { w in
            scores.withUnsafeMutableBufferPointer { s in
                for i in 0..<n {
                    var sum = SIMD8<Float>(repeating: 0)
                    var last: Float = 0
                    for f in (i * NameFeatures.perWord)..<((i + 1) * NameFeatures.perWord) where rows[f] >= 0 {
                        let base = Int(rows[f]) * tags
                        sum += SIMD8(w[base], w[base + 1], w[base + 2], w[base + 3], w[base + 4], w[base + 5], w[base + 6], w[base + 7])
                        last += w[base + 8]
                    }
                    for t in 0..<8 { s[i * tags + t] = sum[t] }
                    s[i * tags + 8] = last
                }
            }
        }
        return scores.withUnsafeBufferPointer { Viterbi.best(emissions: $0, count: n, transitions: transitions) }
    }
}

/// First-order Viterbi decoding over IOB tags, with I-X allowed only after B-X or I-X.
enum Viterbi {
    /// The highest-scoring tag sequence: `emissions` holds ``NameTag/count`` scores a word; `transitions` as in ``NameModel``.
    ///
    /// Each word's nine tags are scored together, the first eight as one vector and the last alone: for each
    /// previous tag in order, a tag takes it when it scores strictly more, as a loop over the previous tags would.
    /// A transition that is not allowed counts as -∞, which never scores more.
    static func best(emissions: UnsafeBufferPointer<Float>, count n: Int, transitions: [Float]) -> [UInt8] {
        best(emissions: emissions, count: n, allowed: allowed(transitions))
    }

    /// Transitions as ``best(emissions:count:allowed:)`` reads them: those not allowed (the start row's too) -∞.
    static func allowed(_ transitions: [Float]) -> [Float] {
        let tags = NameTag.count
        return transitions.indices.map { i in
            NameTag.allowed(after: i < tags * tags ? i / tags : nil, i % tags) ? transitions[i] : -Float.infinity
        }
    }

    /// ``best(emissions:count:transitions:)`` with the transitions already made ``allowed(_:)``, as a tagger that
    /// decodes many sentences keeps them.
    static func best(emissions: UnsafeBufferPointer<Float>, count n: Int, allowed: [Float]) -> [UInt8] {
        let tags = NameTag.count
        guard n > 0 else { return [] }
        var back = [UInt8](repeating: 0, count: n * tags)
        var tag = 0
        // The scores of the previous word's tags.
        var previous = (0..<tags).map { t in emissions[t] + allowed[tags * tags + t] }
        allowed.withUnsafeBytes { transition in
            back.withUnsafeMutableBufferPointer { back in
                previous.withUnsafeMutableBufferPointer { previous in
                    // Indices within the buffers, which cannot overflow.
                    for i in 1..<n {
                        let row = i &* tags
                        var best = SIMD8<Float>(repeating: -.infinity)
                        var bestLast = -Float.infinity
                        var from = SIMD8<Int32>(repeating: 0)
                        var fromLast: Int32 = 0
                        for p in 0..<tags {
                            let offset = p &* tags &* MemoryLayout<Float>.stride
                            let candidate = previous[p] + transition.loadUnaligned(fromByteOffset: offset, as: SIMD8<Float>.self)
                            let better = candidate .> best
                            best.replace(with: candidate, where: better)
                            from.replace(with: Int32(truncatingIfNeeded: p), where: better)
                            let candidateLast =
                                previous[p] + transition.load(fromByteOffset: offset &+ 8 &* MemoryLayout<Float>.stride, as: Float.self)
                            if candidateLast > bestLast {
                                bestLast = candidateLast
                                fromLast = Int32(truncatingIfNeeded: p)
                            }
                        }
                        for t in 0..<8 {
                            previous[t] = best[t] + emissions[row &+ t]
                            back[row &+ t] = UInt8(truncatingIfNeeded: from[t])
                        }
                        previous[8] = bestLast + emissions[row &+ 8]
                        back[row &+ 8] = UInt8(truncatingIfNeeded: fromLast)
                    }
                    for t in 1..<tags where previous[t] > previous[tag] { tag = t }
                }
            }
        }
        var path = [UInt8](repeating: 0, count: n)
        for i in stride(from: n - 1, through: 0, by: -1) {
            path[i] = UInt8(tag)
            tag = Int(back[i * tags + tag])
        }
        return path
    }
}

/// An open-addressing hash table from feature keys to weight rows.
struct FeatureTable: Sendable {
    /// The keys, by row.
    let keys: [UInt32]
    private let slots: [UInt32]
    private let slotRows: [Int32]
    private let mask: Int

    init(keys: [UInt32]) {
        self.keys = keys
        var capacity = 16
        while capacity < keys.count * 2 { capacity <<= 1 }
        var slots = [UInt32](repeating: 0, count: capacity)
        var slotRows = [Int32](repeating: -1, count: capacity)
        for (row, key) in keys.enumerated() {
            var slot = Self.start(key) & (capacity - 1)
            while slots[slot] != 0 && slots[slot] != key { slot = (slot + 1) & (capacity - 1) }
            slots[slot] = key
            slotRows[slot] = Int32(row)
        }
        self.slots = slots
        self.slotRows = slotRows
        self.mask = capacity - 1
    }

    /// The row of a key, or -1.
    @inline(__always)
    func row(_ key: UInt32) -> Int32 {
        var slot = Self.start(key) & mask
        while true {
            let found = slots[slot]
            if found == key { return slotRows[slot] }
            if found == 0 { return -1 }
            slot = (slot + 1) & mask
        }
    }

    /// The slot a key's search starts from, before masking.
    @inline(__always)
    static func start(_ key: UInt32) -> Int { Int(truncatingIfNeeded: UInt64(key) &* 0x9E37_79B9_7F4A_7C15 >> 40) }
}

/// The model file: little-endian, "DNER" and a version, the notes, for each pass the transition weights, the
/// features' keys and their weights quantised to one signed byte each (square-root companding against the largest
/// weight), then the word clusters (word hash → cluster, cluster paths) and the gazetteer (phrase hash → types).
extension NameModel {
    static let magic: [UInt8] = Array("DNER".utf8)
    static let version: UInt32 = 2

    /// The model in its file format.
    func serialised() -> Data {
        var out = BinaryWriter()
        out.bytes(Self.magic)
        out.uint32(Self.version)
        out.string(notes)
        out.uint32(UInt32(NameTag.count))
        out.uint32(UInt32(NameFeatures.perWord))
        out.uint32(UInt32(passes.count))
        for pass in passes { pass.write(to: &out) }
        out.uint32(UInt32(clusters.paths.count))
        for path in clusters.paths { out.uint32(path) }
        out.bytes(clusters.lengths)
        let words = clusters.clusterOfWord.sorted { $0.key < $1.key }
        out.uint32(UInt32(words.count))
        for (word, _) in words { out.uint64(word) }
        for (_, cluster) in words { out.uint16(cluster) }
        let phrases = gazetteer.phrases.sorted { $0.key < $1.key }
        out.uint32(UInt32(phrases.count))
        for (phrase, _) in phrases { out.uint64(phrase) }
        out.bytes(phrases.map(\.value))
        let listed = gazetteer.words.sorted { $0.key < $1.key }
        out.uint32(UInt32(listed.count))
        for (word, _) in listed { out.uint64(word) }
        out.bytes(listed.map(\.value))
        return out.data
    }

    /// Reads a model file.
    init(serialised data: Data) throws {
        var input = BinaryReader(data)
        guard try input.bytes(4) == Self.magic else { throw NameModelError.notAModel }
        guard try input.uint32() == Self.version else { throw NameModelError.unsupportedVersion }
        notes = try input.string()
        guard try input.uint32() == NameTag.count, try input.uint32() == NameFeatures.perWord else { throw NameModelError.incompatible }
        let stored = try (0..<Int(try input.uint32())).map { _ in try TaggerWeights.read(from: &input) }
        passes = stored.map(\.weights)
        packed = (1...2).contains(stored.count) ? PackedWeights(stored.map(\.stored)) : nil
        let clusterCount = Int(try input.uint32())
        let paths = try input.array(clusterCount) { try $0.uint32() }
        let lengths = try input.bytes(clusterCount)
        let wordCount = Int(try input.uint32())
        let words = try input.array(wordCount) { try $0.uint64() }
        let wordClusters = try input.array(wordCount) { try $0.uint16() }
        clusters = WordClusters(paths: paths, lengths: lengths, clusterOfWord: Dictionary(uniqueKeysWithValues: zip(words, wordClusters)))
        let phraseCount = Int(try input.uint32())
        let phrases = try input.array(phraseCount) { try $0.uint64() }
        let types = try input.bytes(phraseCount)
        let listedCount = Int(try input.uint32())
        let listed = try input.array(listedCount) { try $0.uint64() }
        let listedBits = try input.bytes(listedCount)
        gazetteer = Gazetteer(
            phrases: Dictionary(uniqueKeysWithValues: zip(phrases, types)), words: Dictionary(uniqueKeysWithValues: zip(listed, listedBits))
        )
    }
}

extension TaggerWeights {
    /// Writes the pass; features whose weights all quantise to zero are left out.
    fileprivate func write(to out: inout BinaryWriter) {
        for weight in transitions { out.float(weight) }
        let scale = weights.reduce(0) { max($0, abs($1)) }
        out.float(scale)
        var keptKeys: [UInt32] = []
        var kept: [Int8] = []
        for (row, key) in table.keys.enumerated() {
            let quantised = (0..<NameTag.count).map { t in Self.quantise(weights[row * NameTag.count + t], scale: scale) }
            guard quantised.contains(where: { $0 != 0 }) else { continue }
            keptKeys.append(key)
            kept.append(contentsOf: quantised)
        }
        out.uint32(UInt32(keptKeys.count))
        for key in keptKeys { out.uint32(key) }
        out.bytes(kept.map { UInt8(bitPattern: $0) })
    }

    /// Reads a pass, as its weights and as the file stores it.
    fileprivate static func read(from input: inout BinaryReader) throws -> (weights: TaggerWeights, stored: PackedWeights.Pass) {
        let transitions = try input.array((NameTag.count + 1) * NameTag.count) { try $0.float() }
        let scale = try input.float()
        let featureCount = Int(try input.uint32())
        let keys = try input.array(featureCount) { try $0.uint32() }
        let quantised = try input.bytes(featureCount * NameTag.count)
        let weights = TaggerWeights(
            transitions: transitions, table: FeatureTable(keys: keys),
            weights: quantised.map { Self.dequantise(Int8(bitPattern: $0), scale: scale) })
        return (weights, PackedWeights.Pass(keys: keys, quantised: quantised, scale: scale, transitions: transitions))
    }

    static func quantise(_ weight: Float, scale: Float) -> Int8 {
        guard scale > 0 else { return 0 }
        let magnitude = (abs(weight) / scale).squareRoot() * 127
        return Int8((weight < 0 ? -magnitude : magnitude).rounded())
    }

    static func dequantise(_ value: Int8, scale: Float) -> Float {
        let fraction = Float(value) / 127
        return fraction * abs(fraction) * scale
    }
}

/// Why a model file cannot be read.
public enum NameModelError: Error, CustomStringConvertible {
    case notAModel, unsupportedVersion, incompatible, truncated

    public var description: String {
        switch self {
        case .notAModel: "not a Dossier name model (no DNER header)"
        case .unsupportedVersion: "a name model of a version this Dossier cannot read"
        case .incompatible: "a name model made for other tags or features than this Dossier's"
        case .truncated: "the name model file is cut short"
        }
    }
}

private struct BinaryWriter {
    var data = Data()

    mutating func bytes<Bytes: Sequence>(_ bytes: Bytes) where Bytes.Element == UInt8 { data.append(contentsOf: bytes) }
    mutating func uint16(_ value: UInt16) { withUnsafeBytes(of: value.littleEndian) { data.append(contentsOf: $0) } }
    mutating func uint32(_ value: UInt32) { withUnsafeBytes(of: value.littleEndian) { data.append(contentsOf: $0) } }
    mutating func uint64(_ value: UInt64) { withUnsafeBytes(of: value.littleEndian) { data.append(contentsOf: $0) } }
    mutating func float(_ value: Float) { uint32(value.bitPattern) }
    mutating func string(_ value: String) {
        uint32(UInt32(value.utf8.count))
        bytes(value.utf8)
    }
}

private struct BinaryReader {
    let data: [UInt8]
    var offset = 0

    init(_ data: Data) { self.data = [UInt8](data) }

    mutating func bytes(_ count: Int) throws -> [UInt8] {
        guard count >= 0, offset + count <= data.count else { throw NameModelError.truncated }
        defer { offset += count }
        return Array(data[offset..<(offset + count)])
    }

    mutating func integer<T: FixedWidthInteger>(_: T.Type) throws -> T {
        let size = MemoryLayout<T>.size
        guard offset + size <= data.count else { throw NameModelError.truncated }
        var value: T = 0
        for k in 0..<size { value |= T(data[offset + k]) << (8 * k) }
        offset += size
        return value
    }

    mutating func uint16() throws -> UInt16 { try integer(UInt16.self) }
    mutating func uint32() throws -> UInt32 { try integer(UInt32.self) }
    mutating func uint64() throws -> UInt64 { try integer(UInt64.self) }
    mutating func float() throws -> Float { Float(bitPattern: try uint32()) }
    mutating func array<T>(_ count: Int, _ read: (inout BinaryReader) throws -> T) throws -> [T] {
        guard count >= 0, count <= data.count - offset else { throw NameModelError.truncated }
        var values: [T] = []
        values.reserveCapacity(count)
        for _ in 0..<count { values.append(try read(&self)) }
        return values
    }
    mutating func string() throws -> String { String(decoding: try bytes(Int(try uint32())), as: UTF8.self) }
}
