/// Words grouped into a binary tree of clusters (as Brown clusters are): each word has the path of bits from the
/// root to its cluster, and the prefixes of that path are features at several grains ("0110" holds more words than
/// "0110100111").
public final class WordClusters: Sendable {
    /// Each cluster's path: its bits read from the root (the first bit highest) and how many there are.
    let paths: [UInt32]
    let lengths: [UInt8]
    /// The cluster of each word, by the FNV-1a hash of its exact spelling.
    let clusterOfWord: [UInt64: UInt16]
    /// ``clusterOfWord`` for looking words up.
    private let clusterLookup: HashMap64<UInt16>
    /// Each cluster's feature values, ``prefixLengths`` of them a cluster.
    let prefixValues: [UInt64]

    /// The path prefixes that become features; the last one is the whole path.
    static let prefixLengths = [4, 6, 10, 32]

    /// No clusters: every word is unclustered.
    public static let none = WordClusters(paths: [], lengths: [], clusterOfWord: [:])

    init(paths: [UInt32], lengths: [UInt8], clusterOfWord: [UInt64: UInt16]) {
        self.paths = paths
        self.lengths = lengths
        self.clusterOfWord = clusterOfWord
        self.clusterLookup = HashMap64(clusterOfWord)
        var values: [UInt64] = []
        for (bits, length) in zip(paths, lengths) {
            for prefix in Self.prefixLengths {
                let kept = min(prefix, Int(length))
                let prefixBits = kept == 0 ? 0 : UInt64(bits) >> (Int(length) - kept)
                values.append(FeatureHash.combine(UInt64(kept), prefixBits))
            }
        }
        self.prefixValues = values
    }

    /// Reads clusters in the text form ``text`` writes (and Percy Liang's `wcluster` writes): "BITS\tWORD\tCOUNT" lines.
    public convenience init(text: String) throws {
        var pathIndex: [Substring: UInt16] = [:]
        var paths: [UInt32] = []
        var lengths: [UInt8] = []
        var clusterOfWord: [UInt64: UInt16] = [:]
        for line in text.split(separator: "\n") where !line.hasPrefix("#") {
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard fields.count >= 2, fields[0].count <= 32, fields[0].allSatisfy({ $0 == "0" || $0 == "1" }) else {
                throw ResourceError.malformed(file: "word clusters", line: String(line))
            }
            let bits = fields[0]
            let index: UInt16
            if let known = pathIndex[bits] {
                index = known
            } else {
                guard paths.count < Int(UInt16.max) else {
                    throw ResourceError.malformed(file: "word clusters (too many clusters)", line: String(line))
                }
                index = UInt16(paths.count)
                pathIndex[bits] = index
                paths.append(bits.reduce(0) { $0 << 1 | ($1 == "1" ? 1 : 0) })
                lengths.append(UInt8(bits.count))
            }
            clusterOfWord[FeatureHash.of(String(fields[1]))] = index
        }
        self.init(paths: paths, lengths: lengths, clusterOfWord: clusterOfWord)
    }

    /// The values of a word's cluster path prefixes (``prefixLengths``: 4, 6, 10 bits and the whole path), found
    /// as ``cluster(exact:title:lower:)`` finds its cluster; a word without one has `unclustered` in each.
    @inline(__always)
    func prefixes(exact: UInt64, title: UInt64, lower: UInt64, unclustered: UInt64) -> SIMD4<UInt64> {
        guard let cluster = cluster(exact: exact, title: title, lower: lower) else { return SIMD4(repeating: unclustered) }
        let first = cluster * Self.prefixLengths.count
        return SIMD4(prefixValues[first], prefixValues[first + 1], prefixValues[first + 2], prefixValues[first + 3])
    }

    /// How many words have a cluster.
    public var wordCount: Int { clusterOfWord.count }

    /// The cluster of a word: its exact spelling's, else its title-case form's ("BRUSSELS" → "Brussels"), else its lowercase form's.
    @inline(__always)
    func cluster(exact: UInt64, title: UInt64, lower: UInt64) -> Int? {
        if let index = clusterLookup[exact] ?? clusterLookup[title] ?? clusterLookup[lower] { return Int(index) }
        return nil
    }
}
