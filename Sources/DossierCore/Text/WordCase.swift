/// Case tests that take a shortcut for ASCII, the common case, and give the standard library's answers.
enum WordCase {
    /// Whether a scalar is an uppercase letter (the Unicode property; A–Z alone among ASCII).
    @inline(__always)
    static func isUppercase(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isASCII ? scalar.value &- 0x41 < 26 : scalar.properties.isUppercase
    }
}
