import Testing

@testable import DossierCore

/// The recogniser's fast paths give the same answers as the plain ones.
@Suite("Name recogniser, fast paths")
struct NERSpeedTests {
    @Test func packedWeightsTagAsTheFileWeightsDo() {
        let packed = NameRecognizer.english
        var plain = packed.model
        plain.packed = nil
        #expect(packed.model.packed != nil)
        let sentences = [
            "Sergei Shoigu met Kim Jong Un in Pyongyang .", "BRUSSELS 1996-08-22",
            "The European Commission said on Thursday it disagreed .",
            "Zorvath Quellinby , the chairman of Bravonix Holdings , told reporters in Brussels .",
        ].map { $0.split(separator: " ").map(String.init) }
        #expect(packed.tagIndices(sentences) == NameRecognizer(model: plain).tagIndices(sentences))
    }

    @Test func viterbiMatchesAPlainSearch() {
        let tags = NameTag.count
        #expect(NameTag.labels.count == tags)
        var random = SplitMix(seed: 7)
        func value() -> Float { Float(Int(random.next() % 2001) - 1000) / 100 }
        for n in [1, 2, 5, 17] {
            let emissions = (0..<(n * tags)).map { _ in value() }
            let transitions = (0..<((tags + 1) * tags)).map { _ in value() }
            let path = emissions.withUnsafeBufferPointer { Viterbi.best(emissions: $0, count: n, transitions: transitions) }
            #expect(path == Self.plainViterbi(emissions, n, transitions))
        }
    }

    @Test func hashMapAnswersAsADictionary() {
        var map = HashMap64<UInt16>()
        var dictionary: [UInt64: UInt16] = [:]
        var random = SplitMix(seed: 11)
        for step in 0..<5_000 {
            let key = step % 7 == 0 ? UInt64(step % 50) : random.next()
            map[key, default: 0] += 1
            dictionary[key, default: 0] += 1
        }
        #expect(map.count == dictionary.count)
        for (key, value) in dictionary { #expect(map[key] == value) }
        #expect(map[0x1234_5678_9ABC] == dictionary[0x1234_5678_9ABC])
        #expect(HashMap64(dictionary)[42] == dictionary[42])
    }

    /// Viterbi as written first: every allowed previous tag, in order, a later one only when strictly better.
    private static func plainViterbi(_ emissions: [Float], _ n: Int, _ transitions: [Float]) -> [UInt8] {
        let tags = NameTag.count
        var score = [Float](repeating: 0, count: n * tags)
        var back = [Int](repeating: 0, count: n * tags)
        for t in 0..<tags {
            score[t] = NameTag.allowed(after: nil, t) ? emissions[t] + transitions[tags * tags + t] : -.infinity
        }
        for i in 1..<max(n, 1) {
            for t in 0..<tags {
                var best = -Float.infinity
                var from = 0
                for p in 0..<tags where NameTag.allowed(after: p, t) {
                    let candidate = score[(i - 1) * tags + p] + transitions[p * tags + t]
                    if candidate > best {
                        best = candidate
                        from = p
                    }
                }
                score[i * tags + t] = best + emissions[i * tags + t]
                back[i * tags + t] = from
            }
        }
        var tag = 0
        for t in 1..<tags where score[(n - 1) * tags + t] > score[(n - 1) * tags + tag] { tag = t }
        var path = [UInt8](repeating: 0, count: n)
        for i in stride(from: n - 1, through: 0, by: -1) {
            path[i] = UInt8(tag)
            tag = back[i * tags + tag]
        }
        return path
    }
}
