/// Reads the little-endian model files of the tagger and the parser.
struct ModelReader {
    let bytes: [UInt8]
    var offset = 0

    mutating func bytes(_ count: Int) throws -> ArraySlice<UInt8> {
        guard count >= 0, offset + count <= bytes.count else { throw SyntaxModelError.truncated }
        defer { offset += count }
        return bytes[offset..<(offset + count)]
    }

    mutating func integer<T: FixedWidthInteger>(_: T.Type) throws -> T {
        let size = MemoryLayout<T>.size
        guard offset + size <= bytes.count else { throw SyntaxModelError.truncated }
        let value = bytes.withUnsafeBytes { $0.loadUnaligned(fromByteOffset: offset, as: T.self) }
        offset += size
        return T(littleEndian: value)
    }

    mutating func string() throws -> String { String(decoding: try bytes(Int(try integer(UInt32.self))), as: UTF8.self) }

    mutating func strings() throws -> [String] {
        let count = Int(try integer(UInt32.self))
        guard count <= bytes.count - offset else { throw SyntaxModelError.truncated }
        return try (0..<count).map { _ in try string() }
    }

    mutating func weights(tagCount: Int) throws -> PerceptronWeights {
        let scale = Float(bitPattern: try integer(UInt32.self))
        guard scale.isFinite, scale > 0 else { throw SyntaxModelError.malformed }
        let count = Int(try integer(UInt32.self))
        guard count <= (bytes.count - offset) / 5 else { throw SyntaxModelError.truncated }
        var keys: [UInt32] = []
        var starts: [UInt32] = [0]
        var entries: [PerceptronWeights.Entry] = []
        keys.reserveCapacity(count)
        starts.reserveCapacity(count + 1)
        for _ in 0..<count {
            keys.append(try integer(UInt32.self))
            for _ in 0..<Int(try integer(UInt8.self)) {
                let tag = try integer(UInt8.self)
                guard Int(tag) < tagCount else { throw SyntaxModelError.malformed }
                entries.append(.init(tag: UInt32(tag), weight: Float(try integer(Int16.self)) * scale))
            }
            starts.append(UInt32(entries.count))
        }
        return PerceptronWeights(tagCount: tagCount, keys: keys, starts: starts, entries: entries, scale: scale)
    }
}

/// Writes what ``ModelReader`` reads.
struct ModelWriter {
    private(set) var bytes: [UInt8]

    init(_ magic: [UInt8]) { bytes = magic }

    mutating func integer<T: FixedWidthInteger>(_ value: T) {
        withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
    }

    mutating func string(_ value: String) {
        integer(UInt32(value.utf8.count))
        bytes.append(contentsOf: value.utf8)
    }

    mutating func strings(_ values: [String]) {
        integer(UInt32(values.count))
        values.forEach { string($0) }
    }

    /// A perceptron: a weight scale and, for each feature, its 32-bit key, its number of weights and for each a
    /// tag byte and the weight quantised to a 16-bit integer; zero weights are left out.
    mutating func weights(_ weights: PerceptronWeights) {
        let scale = weights.fileScale
        let features = weights.keys.enumerated().map { f, key in
            let entries = weights.entries[Int(weights.starts[f])..<Int(weights.starts[f + 1])]
                .map { (tag: UInt8($0.tag), value: Int16(($0.weight / scale).rounded())) }
                .filter { $0.value != 0 }
            return (key: key, entries: entries)
        }.filter { !$0.entries.isEmpty }
        integer(scale.bitPattern)
        integer(UInt32(features.count))
        for (key, entries) in features {
            integer(key)
            integer(UInt8(entries.count))
            for entry in entries {
                integer(entry.tag)
                integer(entry.value)
            }
        }
    }
}

extension ModelWriter {
    /// Word clusters: how many clusters, each one's path and its length in bits, then how many words, each word's
    /// 64-bit hash (in order) and its cluster's index.
    mutating func clusters(_ clusters: WordClusters) {
        integer(UInt32(clusters.paths.count))
        clusters.paths.forEach { integer($0) }
        clusters.lengths.forEach { integer($0) }
        let words = clusters.clusterOfWord.sorted { $0.key < $1.key }
        integer(UInt32(words.count))
        words.forEach { integer($0.key) }
        words.forEach { integer($0.value) }
    }
}

extension ModelReader {
    /// Word clusters as ``ModelWriter/clusters(_:)`` writes them.
    mutating func clusters() throws -> WordClusters {
        let clusterCount = Int(try integer(UInt32.self))
        guard clusterCount <= (bytes.count - offset) / 5 else { throw SyntaxModelError.truncated }
        let paths = try (0..<clusterCount).map { _ in try integer(UInt32.self) }
        let lengths = try (0..<clusterCount).map { _ in try integer(UInt8.self) }
        let wordCount = Int(try integer(UInt32.self))
        guard wordCount <= (bytes.count - offset) / 10 else { throw SyntaxModelError.truncated }
        let words = try (0..<wordCount).map { _ in try integer(UInt64.self) }
        let indices = try (0..<wordCount).map { _ in try integer(UInt16.self) }
        guard lengths.allSatisfy({ $0 <= 32 }), indices.allSatisfy({ Int($0) < clusterCount }),
            Set(words).count == wordCount
        else { throw SyntaxModelError.malformed }
        return WordClusters(paths: paths, lengths: lengths, clusterOfWord: Dictionary(uniqueKeysWithValues: zip(words, indices)))
    }
}
