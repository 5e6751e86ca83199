/// The hashes of one word that the tagger's and chunker's features read, computed once a word from its UTF-8
/// bytes. Curly quotes and ``/'' become CoNLL-2003's `"`, curly apostrophes `'`, so "Russia’s" reads as "Russia's".
struct WordHashes: Sendable {
    /// The spelling as written (the tag dictionary's key).
    var form: UInt64
    /// Lowercased, every digit as 0 ("1996-08-22" → "0000-00-00").
    var lower: UInt64
    /// The first byte, and the first three lowercased.
    var prefix: UInt64
    var prefix3: UInt64
    /// The last one to four bytes, lowercased.
    var suffix1: UInt64
    var suffix2: UInt64
    var suffix3: UInt64
    var suffix4: UInt64
    /// Letters as X or x, digits as d, runs cut at three ("Pyongyang" → "Xxxx", "F-16" → "X-dd").
    var shape: UInt64
    /// 1 when the word has a capital letter, 2 when it has a small one (ASCII).
    var cases: UInt8
    /// The word's cluster path prefixes (``WordClusters/prefixLengths``), or a value for words without a cluster.
    var clusters: SIMD4<UInt64>

    /// A stand-in for the words before and after the sentence: `k` is -2, -1, 1 or 2.
    static func padding(_ k: Int) -> WordHashes {
        let value = FeatureHash.combine(0x5041_4444_494E_4700, UInt64(bitPattern: Int64(k)))
        return WordHashes(
            form: value, lower: value, prefix: value, prefix3: value, suffix1: value, suffix2: value, suffix3: value,
            suffix4: value, shape: value, cases: 0, clusters: SIMD4(repeating: value))
    }

    init(
        form: UInt64, lower: UInt64, prefix: UInt64, prefix3: UInt64, suffix1: UInt64, suffix2: UInt64,
        suffix3: UInt64, suffix4: UInt64, shape: UInt64, cases: UInt8, clusters: SIMD4<UInt64>
    ) {
        self.form = form
        self.lower = lower
        self.prefix = prefix
        self.prefix3 = prefix3
        self.suffix1 = suffix1
        self.suffix2 = suffix2
        self.suffix3 = suffix3
        self.suffix4 = suffix4
        self.shape = shape
        self.cases = cases
        self.clusters = clusters
    }

    /// The hashes of a word and its cluster in `clusters`; `scratch` is reused space for its normalised bytes.
    init<Word: StringProtocol>(_ word: Word, clusters: WordClusters, scratch: inout [UInt8]) {
        scratch.removeAll(keepingCapacity: true)
        if word.utf8.withContiguousStorageIfAvailable({ Self.normalise($0, into: &scratch) }) == nil {
            Array(word.utf8).withUnsafeBufferPointer { Self.normalise($0, into: &scratch) }
        }
        self = scratch.withUnsafeBufferPointer { Self.hashes($0, clusters) }
    }

    /// Copies a word's bytes, with quote marks and apostrophes in CoNLL-2003's spelling.
    private static func normalise(_ bytes: UnsafeBufferPointer<UInt8>, into out: inout [UInt8]) {
        if isDoubleQuote(bytes) {
            out.append(0x22)
            return
        }
        var i = 0
        while i < bytes.count {
            // U+2018 and U+2019, the curly single quotes: E2 80 98 and E2 80 99.
            if bytes[i] == 0xE2, i + 2 < bytes.count, bytes[i + 1] == 0x80, bytes[i + 2] == 0x98 || bytes[i + 2] == 0x99 {
                out.append(0x27)
                i += 3
            } else {
                out.append(bytes[i])
                i += 1
            }
        }
    }

    /// `` '' “ ” „ « »: the marks CoNLL-2003 writes as `"`.
    private static func isDoubleQuote(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        switch b.count {
        case 2: (b[0] == 0x60 && b[1] == 0x60) || (b[0] == 0x27 && b[1] == 0x27) || (b[0] == 0xC2 && (b[1] == 0xAB || b[1] == 0xBB))
        case 3: b[0] == 0xE2 && b[1] == 0x80 && (0x9C...0x9E).contains(b[2])
        default: false
        }
    }

    /// What words without a cluster have as their cluster features.
    static let unclustered: UInt64 = 0x554E_434C_5553_5445

    private static func hashes(_ bytes: UnsafeBufferPointer<UInt8>, _ clusters: WordClusters) -> WordHashes {
        var form = FeatureHash.empty
        var lower = FeatureHash.empty
        var title = FeatureHash.empty
        var lowercase = FeatureHash.empty
        var shape = FeatureHash.empty
        var lastShape: UInt8 = 0
        var run = 0
        var cases: UInt8 = 0
        for (index, byte) in bytes.enumerated() {
            form = FeatureHash.add(form, byte)
            title = FeatureHash.add(title, index == 0 ? byte : FeatureHash.lower(byte))
            lowercase = FeatureHash.add(lowercase, FeatureHash.lower(byte))
            let folded = byte &- 0x30 < 10 ? 0x30 : FeatureHash.lower(byte)
            lower = FeatureHash.add(lower, folded)
            let kind: UInt8 =
                byte &- 0x41 < 26 ? 0x58 : byte &- 0x61 < 26 || byte >= 0x80 ? 0x78 : byte &- 0x30 < 10 ? 0x64 : byte
            cases |= kind == 0x58 ? 1 : kind == 0x78 && byte < 0x80 ? 2 : 0
            run = kind == lastShape ? run + 1 : 1
            lastShape = kind
            if run <= 3 { shape = FeatureHash.add(shape, kind) }
        }
        func affix(_ range: Range<Int>) -> UInt64 {
            var hash = FeatureHash.empty
            for byte in bytes[range] { hash = FeatureHash.add(hash, FeatureHash.lower(byte)) }
            return hash
        }
        let n = bytes.count
        return WordHashes(
            form: form, lower: lower, prefix: FeatureHash.add(0x5052_4546, bytes.first ?? 0),
            prefix3: affix(0..<min(3, n)), suffix1: affix(max(0, n - 1)..<n),
            suffix2: affix(max(0, n - 2)..<n), suffix3: affix(max(0, n - 3)..<n), suffix4: affix(max(0, n - 4)..<n),
            shape: shape, cases: cases,
            clusters: clusters.prefixes(exact: form, title: title, lower: lowercase, unclustered: unclustered))
    }
}

/// The feature keys of the two greedy passes, each a 32-bit hash of a template number and its values.
enum SyntaxFeatures {
    /// Keys of one part-of-speech decision.
    static let posCount = 32
    /// Keys of one chunk decision.
    static let chunkCount = 24

    @inline(__always)
    static func key(_ template: UInt64, _ value: UInt64) -> UInt32 { FeatureHash.key(template, value, salt: 0x5359_4E54_4158) }

    @inline(__always)
    static func pair(_ a: UInt64, _ b: UInt64) -> UInt64 { FeatureHash.combine(a, b) }

    /// The part-of-speech features of word `i` (at `w[i + 2]`: `w` has two paddings each side), given the tags
    /// chosen for the two words before it (`tagCount` and `tagCount + 1` stand for the sentence's start) and
    /// whether the sentence is written in capitals (a headline), where the shape of a word says little.
    @inline(__always)
    static func pos(
        _ w: UnsafeBufferPointer<WordHashes>, _ i: Int, previous p1: Int, _ p2: Int, capitals: Bool,
        into k: UnsafeMutablePointer<UInt32>
    ) {
        let word = w[i + 2]
        let before = w[i + 1]
        let after = w[i + 3]
        let tag1 = UInt64(p1)
        let tag2 = UInt64(p2)
        k[0] = key(0, 0)
        k[1] = key(1, word.lower)
        k[2] = key(2, word.suffix1)
        k[3] = key(3, word.suffix2)
        k[4] = key(4, word.suffix3)
        k[5] = key(5, word.prefix)
        k[6] = key(6, word.shape)
        k[7] = key(7, pair(word.shape, i == 0 ? 1 : 0))
        k[8] = key(8, before.lower)
        k[9] = key(9, before.suffix3)
        k[10] = key(10, w[i].lower)
        k[11] = key(11, after.lower)
        k[12] = key(12, after.suffix3)
        k[13] = key(13, w[i + 4].lower)
        k[14] = key(14, before.shape)
        k[15] = key(15, after.shape)
        k[16] = key(16, pair(word.lower, after.lower))
        k[17] = key(17, pair(before.lower, word.lower))
        k[18] = key(18, tag1)
        k[19] = key(19, tag2)
        k[20] = key(20, pair(tag1, tag2))
        k[21] = key(21, pair(tag1, word.lower))
        k[22] = key(22, word.form)
        k[23] = key(23, capitals ? pair(word.lower, tag1) : 0)
        k[24] = key(24, word.suffix4)
        k[25] = key(25, word.prefix3)
        k[26] = key(26, word.clusters[0])
        k[27] = key(27, word.clusters[1])
        k[28] = key(28, word.clusters[2])
        k[29] = key(29, word.clusters[3])
        k[30] = key(30, before.clusters[3])
        k[31] = key(31, after.clusters[3])
    }

    /// The chunk features of word `i`: `w` as for ``pos(_:_:previous:_:into:)``, `t` its tags likewise padded
    /// (with values past every tag's), given the chunk tags chosen for the two words before it.
    @inline(__always)
    static func chunk(
        _ w: UnsafeBufferPointer<WordHashes>, _ t: UnsafeBufferPointer<UInt8>, _ i: Int, previous c1: Int, _ c2: Int,
        into k: UnsafeMutablePointer<UInt32>
    ) {
        let word = w[i + 2]
        let tag = UInt64(t[i + 2])
        let before = UInt64(t[i + 1])
        let after = UInt64(t[i + 3])
        let chunk1 = UInt64(c1)
        k[0] = key(100, 0)
        k[1] = key(101, word.lower)
        k[2] = key(102, tag)
        k[3] = key(103, before)
        k[4] = key(104, UInt64(t[i]))
        k[5] = key(105, after)
        k[6] = key(106, UInt64(t[i + 4]))
        k[7] = key(107, pair(before, tag))
        k[8] = key(108, pair(tag, after))
        k[9] = key(109, pair(pair(before, tag), after))
        k[10] = key(110, pair(pair(UInt64(t[i]), before), tag))
        k[11] = key(111, pair(word.lower, tag))
        k[12] = key(112, w[i + 1].lower)
        k[13] = key(113, w[i + 3].lower)
        k[14] = key(114, word.shape)
        k[15] = key(115, word.suffix2)
        k[16] = key(116, pair(w[i + 1].lower, tag))
        k[17] = key(117, chunk1)
        k[18] = key(118, pair(chunk1, UInt64(c2)))
        k[19] = key(119, pair(chunk1, tag))
        k[20] = key(120, pair(chunk1, word.lower))
        k[21] = key(121, pair(pair(chunk1, tag), after))
        k[22] = key(122, pair(word.lower, after))
        k[23] = key(123, pair(pair(chunk1, before), tag))
    }
}
