/// Lists of known names (countries, cities, organisations, people), each a sequence of words with a type, that the
/// recogniser reads as features: whether a word begins, continues, ends or is a listed name of each type.
/// Matching ignores ASCII case; the model learns how much a match counts for a capitalised word or a lowercase one.
public struct Gazetteer: Sendable {
    /// Each listed phrase's types (bit `t` for ``NameType`` raw value `t`), by the hash of its lowercased words;
    /// ``prefix`` marks the first words of a longer listed phrase, so that matching stops as soon as none goes on.
    let phrases: [UInt64: UInt8]
    /// Single words, by the hash of the lowercased word, as ``WordList`` bits: a listed first name or surname, or a
    /// capitalised word of a listed name of each type ("Manchester" of "Manchester United").
    let words: [UInt64: UInt8]
    /// The most words a listed phrase has.
    let longest: Int
    /// ``phrases`` and ``words`` for looking up.
    private let phraseLookup: HashMap64<UInt8>
    private let wordLookup: HashMap64<UInt8>

    /// No lists.
    public static let none = Gazetteer(phrases: [:], words: [:])

    init(phrases: [UInt64: UInt8], words: [UInt64: UInt8]) {
        self.phrases = phrases
        self.words = words
        self.longest = 8
        self.phraseLookup = HashMap64(phrases)
        self.wordLookup = HashMap64(words)
    }

    /// What a single word's ``words`` bits mean.
    public enum WordList: UInt8, Sendable {
        /// A given name or a surname (from a list of people's names).
        case firstName, surname
        /// A capitalised word of a listed name of type PER, ORG, LOC, MISC: `partOfName + type`.
        case partOfName
    }

    /// A gazetteer of phrases, each given as its words; phrases longer than eight words are left out.
    public init<Entries: Sequence>(_ entries: Entries) where Entries.Element == (words: [String], type: NameType) {
        var phrases: [UInt64: UInt8] = [:]
        var words: [UInt64: UInt8] = [:]
        for entry in entries where !entry.words.isEmpty && entry.words.count <= 8 {
            let hashes = entry.words.map { FeatureHash.of($0, lowercased: true) }
            var key = FeatureHash.phrase(hashes[0..<0])
            for (index, hash) in hashes.enumerated() {
                key = FeatureHash.combine(key, hash)
                phrases[key, default: 0] |= index == hashes.count - 1 ? 1 << UInt8(entry.type.rawValue) : Self.prefix
            }
            for word in entry.words where word.first?.isUppercase == true {
                words[FeatureHash.of(word, lowercased: true), default: 0] |=
                    1 << (WordList.partOfName.rawValue + UInt8(entry.type.rawValue))
            }
        }
        self.init(phrases: phrases, words: words)
    }

    /// The same gazetteer with more phrases listed (their capitalised words also listed as parts of names).
    public func adding<Entries: Sequence>(_ entries: Entries) -> Gazetteer where Entries.Element == (words: [String], type: NameType) {
        let more = Gazetteer(entries)
        return Gazetteer(phrases: phrases.merging(more.phrases) { $0 | $1 }, words: words.merging(more.words) { $0 | $1 })
    }

    /// The same gazetteer with more single words listed (given names, surnames: ``WordList``), compared ignoring ASCII case.
    public func adding<Words: Sequence>(words list: Words, as kind: WordList) -> Gazetteer where Words.Element == String {
        var words = words
        for word in list where !word.isEmpty { words[FeatureHash.of(word, lowercased: true), default: 0] |= 1 << kind.rawValue }
        return Gazetteer(phrases: phrases, words: words)
    }

    /// The bit that marks the beginning of a longer phrase.
    static let prefix: UInt8 = 0x80

    /// How many distinct phrases are listed.
    public var count: Int { phrases.values.filter { $0 & 0x0F != 0 }.count }

    /// How many distinct single words are listed.
    public var wordCount: Int { words.count }

    /// A word's ``WordList`` bits, given its lowercase hash.
    @inline(__always)
    func listed(_ lowercased: UInt64) -> UInt8 { wordLookup[lowercased] ?? 0 }

    /// For each word of a sentence (given as lowercase hashes), the listed names it is part of, longest match first,
    /// as bits: 4·type + 0 begins, + 1 continues, + 2 ends, + 3 is the whole name.
    func marks(_ lowercased: [UInt64]) -> [UInt16] {
        var marks = [UInt16](repeating: 0, count: lowercased.count)
        guard !phrases.isEmpty else { return marks }
        var start = 0
        while start < lowercased.count {
            // Longest match: extend the phrase word by word while it begins a listed phrase.
            var matched = 0
            var matchedTypes: UInt8 = 0
            var key = FeatureHash.phrase(lowercased[0..<0])
            var end = start
            while end < lowercased.count && end - start < longest {
                key = FeatureHash.combine(key, lowercased[end])
                guard let found = phraseLookup[key] else { break }
                end += 1
                if found & 0x0F != 0 {
                    matched = end - start
                    matchedTypes = found
                }
                if found & Self.prefix == 0 { break }
            }
            if matched > 0 {
                for type in 0..<4 where matchedTypes & (1 << type) != 0 {
                    for offset in 0..<matched {
                        let position = matched == 1 ? 3 : offset == 0 ? 0 : offset == matched - 1 ? 2 : 1
                        marks[start + offset] |= 1 << UInt16(4 * type + position)
                    }
                }
            }
            start += max(matched, 1)
        }
        return marks
    }
}
