/// Lists of known names (countries, cities, organisations, people), each a sequence of words with a type, that the
/// recogniser reads as features: whether a word begins, continues, ends or is a listed name of each type.
/// Matching ignores ASCII case; the model learns how much a match counts for a capitalised word or a lowercase one.
public struct Gazetteer: Sendable {
    /// Each listed phrase's types (bit `t` for ``NameType`` raw value `t`), by the hash of its lowercased words.
    let phrases: [UInt64: UInt8]
    /// The most words a listed phrase has.
    let longest: Int

    /// No lists.
    public static let none = Gazetteer(phrases: [:])

    init(phrases: [UInt64: UInt8]) {
        self.phrases = phrases
        self.longest = 8
    }

    /// A gazetteer of phrases, each given as its words; phrases longer than eight words are left out.
    public init<Entries: Sequence>(_ entries: Entries) where Entries.Element == (words: [String], type: NameType) {
        var phrases: [UInt64: UInt8] = [:]
        for entry in entries where !entry.words.isEmpty && entry.words.count <= 8 {
            let key = FeatureHash.phrase(entry.words.map { FeatureHash.of($0, lowercased: true) })
            phrases[key, default: 0] |= 1 << UInt8(entry.type.rawValue)
        }
        self.init(phrases: phrases)
    }

    /// How many distinct phrases are listed.
    public var count: Int { phrases.count }

    /// For each word of a sentence (given as lowercase hashes), the listed names it is part of, longest match first,
    /// as bits: 4·type + 0 begins, + 1 continues, + 2 ends, + 3 is the whole name.
    func marks(_ lowercased: [UInt64]) -> [UInt16] {
        var marks = [UInt16](repeating: 0, count: lowercased.count)
        guard !phrases.isEmpty else { return marks }
        var start = 0
        while start < lowercased.count {
            var matched = 0
            var length = min(longest, lowercased.count - start)
            while length > 0 && matched == 0 {
                if let types = phrases[FeatureHash.phrase(lowercased[start..<(start + length)])] {
                    for type in 0..<4 where types & (1 << type) != 0 {
                        for offset in 0..<length {
                            let position = length == 1 ? 3 : offset == 0 ? 0 : offset == length - 1 ? 2 : 1
                            marks[start + offset] |= 1 << UInt16(4 * type + position)
                        }
                    }
                    matched = length
                }
                length -= 1
            }
            start += max(matched, 1)
        }
        return marks
    }
}
