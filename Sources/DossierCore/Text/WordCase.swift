/// Case tests and lowercasing that take a shortcut for ASCII, the common case, and give the standard library's
/// answers.
enum WordCase {
    /// Whether a scalar is an uppercase letter (the Unicode property; A–Z alone among ASCII).
    @inline(__always)
    static func isUppercase(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isASCII ? scalar.value &- 0x41 < 26 : scalar.properties.isUppercase
    }

    /// `word.lowercased()`, without building a new string when the word is ASCII with no capital.
    static func lowercased(_ word: String) -> String {
        word.utf8.allSatisfy { $0 < 0x80 && $0 &- 0x41 >= 26 } ? word : word.lowercased()
    }
}
