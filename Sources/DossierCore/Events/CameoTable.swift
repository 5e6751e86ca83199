/// A CAMEO code's attributes, from `cameo.tsv`.
public struct CameoCode: Sendable, Hashable {
    public let code: String
    public let description: String
    public let goldstein: Double
    /// 1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict.
    public let quadClass: Int
    public let plover: String?
    public let mode: String?
}

/// The CAMEO code book.
public struct CameoTable: Sendable {
    public let codes: [String: CameoCode]

    init(lines: [Substring]) throws {
        var codes: [String: CameoCode] = [:]
        for line in lines {
            let f = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard f.count >= 4, let goldstein = Double(f[2]), let quad = Int(f[3]) else {
                throw ResourceError.malformed(file: "cameo.tsv", line: String(line))
            }
            let plover = f.count > 4 && !f[4].isEmpty ? f[4] : nil
            let mode = f.count > 5 && !f[5].isEmpty ? f[5] : nil
            codes[f[0]] = CameoCode(code: f[0], description: f[1], goldstein: goldstein, quadClass: quad, plover: plover, mode: mode)
        }
        self.codes = codes
    }

    /// A code's entry, or its root's.
    public subscript(code: String) -> CameoCode? { codes[code] ?? codes[String(code.prefix(3))] ?? codes[String(code.prefix(2))] }
}
