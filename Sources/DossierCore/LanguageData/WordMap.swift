/// A read-only map from words to values, for lookups made for every word of every document: an ASCII word is found
/// by an FNV-1a hash of its bytes, several times cheaper than a `Dictionary`'s seeded hashing of a `String`, and then
/// compared with the word stored; any other word is looked up in a `Dictionary`, which compares by canonical
/// equivalence ("Nicola\u{301}s" is "Nicolás").
///
///     let pronouns = WordMap(["he": 1, "she": 2])
///     pronouns["she"]          // 2
///     WordMap(Set(["the", "a"])).contains("an")  // false
struct WordMap<Value: Sendable>: Sendable {
    /// Each slot's word hash (0: empty), word and value.
    private let hashes: [UInt64]
    private let words: [String]
    private let values: [Value?]
    private let mask: Int
    /// Every word, for words that are not ASCII.
    private let dictionary: [String: Value]

    init(_ dictionary: [String: Value]) {
        self.dictionary = dictionary
        var capacity = 16
        while capacity < dictionary.count * 2 { capacity <<= 1 }
        var hashes = [UInt64](repeating: 0, count: capacity)
        var words = [String](repeating: "", count: capacity)
        var values = [Value?](repeating: nil, count: capacity)
        for (word, value) in dictionary {
            guard let hash = Self.hash(word) else { continue }
            var slot = Self.start(hash) & (capacity - 1)
            while hashes[slot] != 0 { slot = (slot + 1) & (capacity - 1) }
            hashes[slot] = hash
            words[slot] = word
            values[slot] = value
        }
        self.hashes = hashes
        self.words = words
        self.values = values
        mask = capacity - 1
    }

    /// The value of a word, or nil.
    subscript(word: String) -> Value? {
        guard let hash = Self.hash(word) else { return dictionary[word] }
        return hashes.withUnsafeBufferPointer { hashes in
            var slot = Self.start(hash) & mask
            while hashes[slot] != 0 {
                if hashes[slot] == hash && words[slot] == word { return values[slot] }
                slot = (slot &+ 1) & mask
            }
            return nil
        }
    }

    func contains(_ word: String) -> Bool { self[word] != nil }

    /// The FNV-1a hash of an ASCII word's bytes, never 0; nil for a word that is not ASCII.
    @inline(__always)
    private static func hash(_ word: String) -> UInt64? {
        func hash(_ bytes: some Sequence<UInt8>) -> UInt64? {
            var hash = FeatureHash.empty
            var all: UInt8 = 0
            for byte in bytes {
                hash = FeatureHash.add(hash, byte)
                all |= byte
            }
            return all >= 0x80 ? nil : hash == 0 ? 1 : hash
        }
        return word.utf8.withContiguousStorageIfAvailable { hash($0) } ?? hash(word.utf8)
    }

    @inline(__always)
    private static func start(_ hash: UInt64) -> Int { Int(truncatingIfNeeded: (hash &* 0x9E37_79B9_7F4A_7C15) >> 40) }
}

extension WordMap where Value == Bool {
    /// A set of words.
    init(_ words: Set<String>) { self.init(Dictionary(uniqueKeysWithValues: words.map { ($0, true) })) }
}
