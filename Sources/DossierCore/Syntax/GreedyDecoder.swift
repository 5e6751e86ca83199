/// The two greedy left-to-right passes (Honnibal's tagger): each word's tag is the best-scoring one given the
/// features of its neighbourhood and the tags already chosen before it.
enum GreedyDecoder {
    /// A sentence's words hashed, with their clusters, with two paddings each side, ready for the features.
    static func padded<Word: StringProtocol>(_ words: [Word], clusters: WordClusters) -> [WordHashes] {
        var scratch: [UInt8] = []
        scratch.reserveCapacity(32)
        var hashes: [WordHashes] = []
        hashes.reserveCapacity(words.count + 4)
        hashes.append(.padding(-2))
        hashes.append(.padding(-1))
        for word in words { hashes.append(WordHashes(word, clusters: clusters, scratch: &scratch)) }
        hashes.append(.padding(1))
        hashes.append(.padding(2))
        return hashes
    }

    /// Part-of-speech tag indices. A word in `dictionary` (by ``WordHashes/form``) takes its tag from there; for
    /// every other word `learn`, when given, is shown the features, the word's index and the tag chosen.
    static func partsOfSpeech<Scorer: FeatureScorer>(
        _ padded: [WordHashes], scorer: Scorer, dictionary: FormTable,
        learn: ((UnsafeBufferPointer<UInt32>, Int, Int) -> Void)? = nil
    ) -> [UInt8] {
        let n = padded.count - 4
        let tagCount = scorer.tagCount
        var tags = [UInt8](repeating: 0, count: n)
        var keys = [UInt32](repeating: 0, count: SyntaxFeatures.posCount)
        var scores = [Float](repeating: 0, count: tagCount)
        var scratch = [UInt64](repeating: 0, count: SyntaxFeatures.posCount)
        var p1 = tagCount
        var p2 = tagCount + 1
        let cases = padded.reduce(0) { $0 | $1.cases }
        let capitals = cases == 1 && n > 1
        padded.withUnsafeBufferPointer { w in
            keys.withUnsafeMutableBufferPointer { k in
                scores.withUnsafeMutableBufferPointer { s in
                    scratch.withUnsafeMutableBufferPointer { scratch in
                        for i in 0..<n {
                            var tag: Int
                            if let known = dictionary[w[i + 2].form] {
                                tag = Int(known)
                            } else {
                                SyntaxFeatures.pos(w, i, previous: p1, p2, capitals: capitals, into: k.baseAddress!)
                                tag = best(k, scorer: scorer, scores: s, scratch: scratch, allowed: nil)
                                learn?(UnsafeBufferPointer(k), i, tag)
                            }
                            tags[i] = UInt8(tag)
                            p2 = p1
                            p1 = tag
                        }
                    }
                }
            }
        }
        return tags
    }

    /// Chunk tag indices, given the words' part-of-speech tag indices; `allowed[p * chunkCount + t]` says whether
    /// tag `t` may follow tag `p` (row `chunkCount` for the sentence's start). `learn` as for ``partsOfSpeech``.
    static func chunks<Scorer: FeatureScorer>(
        _ padded: [WordHashes], tags: [UInt8], scorer: Scorer, allowed: [Bool],
        learn: ((UnsafeBufferPointer<UInt32>, Int, Int) -> Void)? = nil
    ) -> [UInt8] {
        let n = tags.count
        let chunkCount = scorer.tagCount
        let paddedTags: [UInt8] = [250, 251] + tags + [252, 253]
        var chunks = [UInt8](repeating: 0, count: n)
        var keys = [UInt32](repeating: 0, count: SyntaxFeatures.chunkCount)
        var scores = [Float](repeating: 0, count: chunkCount)
        var scratch = [UInt64](repeating: 0, count: SyntaxFeatures.chunkCount)
        var c1 = chunkCount
        var c2 = chunkCount + 1
        padded.withUnsafeBufferPointer { w in
            paddedTags.withUnsafeBufferPointer { t in
                keys.withUnsafeMutableBufferPointer { k in
                    scores.withUnsafeMutableBufferPointer { s in
                        scratch.withUnsafeMutableBufferPointer { scratch in
                            allowed.withUnsafeBufferPointer { allowed in
                                for i in 0..<n {
                                    SyntaxFeatures.chunk(w, t, i, previous: c1, c2, into: k.baseAddress!)
                                    let row = UnsafeBufferPointer(rebasing: allowed[(c1 * chunkCount)..<((c1 + 1) * chunkCount)])
                                    let chunk = best(k, scorer: scorer, scores: s, scratch: scratch, allowed: row)
                                    learn?(UnsafeBufferPointer(k), i, chunk)
                                    chunks[i] = UInt8(chunk)
                                    c2 = c1
                                    c1 = chunk
                                }
                            }
                        }
                    }
                }
            }
        }
        return chunks
    }

    @inline(__always)
    private static func best<Scorer: FeatureScorer>(
        _ keys: UnsafeMutableBufferPointer<UInt32>, scorer: Scorer, scores: UnsafeMutableBufferPointer<Float>,
        scratch: UnsafeMutableBufferPointer<UInt64>, allowed: UnsafeBufferPointer<Bool>?
    ) -> Int {
        for t in 0..<scores.count { scores[t] = 0 }
        scorer.add(UnsafeBufferPointer(keys), to: scores.baseAddress!, scratch: scratch.baseAddress!)
        var best = -1
        var bestScore = -Float.infinity
        for t in 0..<scores.count where scores[t] > bestScore && allowed?[t] ?? true {
            best = t
            bestScore = scores[t]
        }
        return max(best, 0)
    }
}

/// Words' tags by the 64-bit hash of their spelling: the tag dictionary, as an open-addressing table.
struct FormTable: Sendable {
    /// The words and their tags.
    let tags: [UInt64: UInt8]
    private let slots: [UInt64]
    private let values: [UInt8]
    private let mask: Int

    init(_ tags: [UInt64: UInt8]) {
        self.tags = tags
        var capacity = 16
        while capacity < tags.count * 2 { capacity <<= 1 }
        var slots = [UInt64](repeating: 0, count: capacity)
        var values = [UInt8](repeating: 0, count: capacity)
        for (form, tag) in tags {
            let key = form == 0 ? 1 : form
            var slot = Int(truncatingIfNeeded: key >> 40) & (capacity - 1)
            while slots[slot] != 0 { slot = (slot + 1) & (capacity - 1) }
            slots[slot] = key
            values[slot] = tag
        }
        self.slots = slots
        self.values = values
        self.mask = capacity - 1
    }

    /// The tag of a word's spelling, if it has one here.
    @inline(__always)
    subscript(form: UInt64) -> UInt8? {
        let key = form == 0 ? 1 : form
        return slots.withUnsafeBufferPointer { slots in
            var slot = Int(truncatingIfNeeded: key >> 40) & mask
            while true {
                if slots[slot] == key { return values[slot] }
                if slots[slot] == 0 { return nil }
                slot = (slot + 1) & mask
            }
        }
    }
}
