/// The feature keys of one parser decision: the words and tags of the stack's top three and the buffer's first
/// three, the dependents found so far of the stack's top two and of the buffer's first word, their relations, the
/// distance between the stack's top and the buffer, and how many dependents each has (Zhang and Nivre 2011's
/// templates, for the arc-hybrid system). Each key is a 32-bit hash of a template number and its values.
enum ParseFeatures {
    static let count = 94

    /// A sentence as the features read it: index 0 is the root, words `1...n` follow.
    struct Sentence {
        /// Each word lowercased with its digits as 0 (``WordHashes/lower``).
        var words: [UInt64]
        /// Each word's part-of-speech tag index; the root has its own.
        var tags: [UInt64]
        /// The last three bytes of each word, lowercased.
        var suffixes: [UInt64]
        /// Each word's cluster (``WordHashes/clusters``): its whole path, and its first six bits.
        var clusters: [UInt64]
        var clusterPrefixes: [UInt64]
    }

    static let noWord: UInt64 = 0x4E4F_4E45
    static let noTag: UInt64 = 0xFF
    static let noLabel: UInt64 = 0xFE

    @inline(__always)
    static func key(_ template: UInt64, _ value: UInt64) -> UInt32 { FeatureHash.key(template, value, salt: 0x5041_5253_4552) }

    @inline(__always)
    static func pair(_ a: UInt64, _ b: UInt64) -> UInt64 { FeatureHash.combine(a, b) }

    @inline(__always)
    static func triple(_ a: UInt64, _ b: UInt64, _ c: UInt64) -> UInt64 { FeatureHash.combine(FeatureHash.combine(a, b), c) }

    static func extract(_ state: ArcHybrid, _ sentence: Sentence, into k: UnsafeMutablePointer<UInt32>) {
        sentence.words.withUnsafeBufferPointer { words in
            sentence.tags.withUnsafeBufferPointer { tags in
                sentence.suffixes.withUnsafeBufferPointer { suffixes in
                    sentence.clusters.withUnsafeBufferPointer { clusters in
                        sentence.clusterPrefixes.withUnsafeBufferPointer { prefixes in
                            extract(state, words, tags, suffixes, clusters, prefixes, into: k)
                        }
                    }
                }
            }
        }
    }

    @inline(__always)
    private static func extract(
        _ state: ArcHybrid, _ words: UnsafeBufferPointer<UInt64>, _ tags: UnsafeBufferPointer<UInt64>,
        _ suffixes: UnsafeBufferPointer<UInt64>, _ clusters: UnsafeBufferPointer<UInt64>,
        _ prefixes: UnsafeBufferPointer<UInt64>, into k: UnsafeMutablePointer<UInt32>
    ) {
        func w(_ i: Int32) -> UInt64 { i < 0 ? noWord : words[Int(i)] }
        func t(_ i: Int32) -> UInt64 { i < 0 ? noTag : tags[Int(i)] }
        func l(_ i: Int32) -> UInt64 { i < 0 ? noLabel : UInt64(state.labels[Int(i)]) }
        func at(_ array: [Int32], _ i: Int32) -> Int32 { i < 0 ? -1 : array[Int(i)] }
        func c(_ i: Int32) -> UInt64 { i < 0 ? noWord : clusters[Int(i)] }
        func p(_ i: Int32) -> UInt64 { i < 0 ? noWord : prefixes[Int(i)] }

        let s0 = state.stack(0)
        let s1 = state.stack(1)
        let s2 = state.stack(2)
        let b0 = state.buffer(0)
        let b1 = state.buffer(1)
        let b2 = state.buffer(2)
        let s0l1 = at(state.left1, s0)
        let s0l2 = at(state.left2, s0)
        let s0r1 = at(state.right1, s0)
        let s0r2 = at(state.right2, s0)
        let s1l1 = at(state.left1, s1)
        let s1r1 = at(state.right1, s1)
        let b0l1 = at(state.left1, b0)
        let b0l2 = at(state.left2, b0)

        let s0w = w(s0)
        let s0t = t(s0)
        let s1w = w(s1)
        let s1t = t(s1)
        let b0w = w(b0)
        let b0t = t(b0)
        let b1w = w(b1)
        let b1t = t(b1)
        let b2t = t(b2)
        let s0wt = pair(s0w, s0t)
        let s1wt = pair(s1w, s1t)
        let b0wt = pair(b0w, b0t)
        let distance: UInt64 = s0 < 0 || b0 < 0 ? 0 : UInt64(min(Int(b0 - s0), 6))
        let s0vl: UInt64 = s0 < 0 ? 0 : UInt64(state.leftCount[Int(s0)])
        let s0vr: UInt64 = s0 < 0 ? 0 : UInt64(state.rightCount[Int(s0)])
        let s1vr: UInt64 = s1 < 0 ? 0 : UInt64(state.rightCount[Int(s1)])
        let b0vl: UInt64 = b0 < 0 ? 0 : UInt64(state.leftCount[Int(b0)])
        let s0ls: UInt64 = s0 < 0 ? 0 : state.leftLabels[Int(s0)]
        let s0rs: UInt64 = s0 < 0 ? 0 : state.rightLabels[Int(s0)]
        let b0ls: UInt64 = b0 < 0 ? 0 : state.leftLabels[Int(b0)]

        k[0] = key(0, 0)
        k[1] = key(1, s0w)
        k[2] = key(2, s0t)
        k[3] = key(3, s0wt)
        k[4] = key(4, s1w)
        k[5] = key(5, s1t)
        k[6] = key(6, s1wt)
        k[7] = key(7, b0w)
        k[8] = key(8, b0t)
        k[9] = key(9, b0wt)
        k[10] = key(10, b1w)
        k[11] = key(11, b1t)
        k[12] = key(12, pair(b1w, b1t))
        k[13] = key(13, w(b2))
        k[14] = key(14, b2t)
        k[15] = key(15, pair(w(b2), b2t))
        // Pairs of the stack's top and the buffer's first word.
        k[16] = key(16, pair(s0wt, b0wt))
        k[17] = key(17, pair(s0wt, b0w))
        k[18] = key(18, pair(s0w, b0wt))
        k[19] = key(19, pair(s0wt, b0t))
        k[20] = key(20, pair(s0t, b0wt))
        k[21] = key(21, pair(s0w, b0w))
        k[22] = key(22, pair(s0t, b0t))
        k[23] = key(23, pair(b0t, b1t))
        // Tag trigrams.
        k[24] = key(24, triple(b0t, b1t, b2t))
        k[25] = key(25, triple(s0t, b0t, b1t))
        k[26] = key(26, triple(s1t, s0t, b0t))
        k[27] = key(27, triple(s0t, t(s0l1), b0t))
        k[28] = key(28, triple(s0t, t(s0r1), b0t))
        k[29] = key(29, triple(s0t, b0t, t(b0l1)))
        k[30] = key(30, triple(s1t, s0t, t(s0l1)))
        k[31] = key(31, triple(s1t, s0t, t(s0r1)))
        k[32] = key(32, triple(s1t, t(s1r1), s0t))
        // Distance.
        k[33] = key(33, pair(s0w, distance))
        k[34] = key(34, pair(s0t, distance))
        k[35] = key(35, pair(b0w, distance))
        k[36] = key(36, pair(b0t, distance))
        k[37] = key(37, triple(s0w, b0w, distance))
        k[38] = key(38, triple(s0t, b0t, distance))
        // Valency.
        k[39] = key(39, pair(s0w, s0vr))
        k[40] = key(40, pair(s0t, s0vr))
        k[41] = key(41, pair(s0w, s0vl))
        k[42] = key(42, pair(s0t, s0vl))
        k[43] = key(43, pair(s1w, s1vr))
        k[44] = key(44, pair(s1t, s1vr))
        k[45] = key(45, pair(b0w, b0vl))
        k[46] = key(46, pair(b0t, b0vl))
        // The dependents found so far.
        k[47] = key(47, w(s0l1))
        k[48] = key(48, t(s0l1))
        k[49] = key(49, l(s0l1))
        k[50] = key(50, w(s0r1))
        k[51] = key(51, t(s0r1))
        k[52] = key(52, l(s0r1))
        k[53] = key(53, w(b0l1))
        k[54] = key(54, t(b0l1))
        k[55] = key(55, l(b0l1))
        k[56] = key(56, w(s1r1))
        k[57] = key(57, t(s1r1))
        k[58] = key(58, l(s1r1))
        k[59] = key(59, t(s1l1))
        k[60] = key(60, l(s1l1))
        k[61] = key(61, w(s0l2))
        k[62] = key(62, t(s0l2))
        k[63] = key(63, l(s0l2))
        k[64] = key(64, w(s0r2))
        k[65] = key(65, t(s0r2))
        k[66] = key(66, l(s0r2))
        k[67] = key(67, w(b0l2))
        k[68] = key(68, t(b0l2))
        k[69] = key(69, l(b0l2))
        k[70] = key(70, triple(s0t, t(s0l1), t(s0l2)))
        k[71] = key(71, triple(s0t, t(s0r1), t(s0r2)))
        k[72] = key(72, triple(b0t, t(b0l1), t(b0l2)))
        // The relations of the dependents each side.
        k[73] = key(73, pair(s0w, s0ls))
        k[74] = key(74, pair(s0t, s0ls))
        k[75] = key(75, pair(s0w, s0rs))
        k[76] = key(76, pair(s0t, s0rs))
        k[77] = key(77, pair(b0w, b0ls))
        k[78] = key(78, pair(b0t, b0ls))
        // Deeper in the stack, and the words' endings for words rarely seen.
        k[79] = key(79, t(s2))
        k[80] = key(80, triple(t(s2), s1t, s0t))
        k[81] = key(81, pair(s1w, s0w))
        k[82] = key(82, pair(s0 < 0 ? noWord : suffixes[Int(s0)], b0t))
        k[83] = key(83, pair(b0 < 0 ? noWord : suffixes[Int(b0)], s0t))
        // Word clusters (Koo, Carreras and Collins 2008): the whole path in place of the word, six bits in place
        // of the tag.
        let s0c = c(s0)
        let b0c = c(b0)
        k[84] = key(84, s0c)
        k[85] = key(85, b0c)
        k[86] = key(86, c(s1))
        k[87] = key(87, c(b1))
        k[88] = key(88, pair(s0c, b0c))
        k[89] = key(89, pair(s0c, b0t))
        k[90] = key(90, pair(s0t, b0c))
        k[91] = key(91, pair(p(s0), p(b0)))
        k[92] = key(92, triple(p(s1), p(s0), p(b0)))
        k[93] = key(93, pair(c(s1), s0c))
    }
}
