/// A CAMEO code's attributes, from `cameo.tsv`.
public struct CameoCode: Sendable, Hashable {
    public let code: String
    public let description: String
    public let goldstein: Double
    /// 1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict.
    public let quadClass: Int
    public let plover: String?
    public let mode: String?
    /// The code for stating an intent to do the act (03: "0354" for "085", ease economic sanctions), when CAMEO has one.
    public let intent: String?
    /// The code for refusing the act (12: "1244" for "085"), when CAMEO has one.
    public let refusal: String?
    /// The code for cutting an act of cooperation (16: "1621" for "071", economic aid), when CAMEO has one.
    public let reduction: String?

    /// The code of the act in a mood: intended, refused or cut; nil where CAMEO has none.
    func code(in mood: Mood) -> String? {
        switch mood {
        case .intended: intent
        case .refused: refusal
        case .reduced: reduction
        }
    }
}

/// How a statement bears on an act, where CAMEO codes it apart from the act: intended ("is willing to withdraw"),
/// refused ("refused to lift sanctions"), or cut ("suspended aid").
enum Mood {
    case intended, refused, reduced
}

/// The CAMEO code book, and how the event coder treats its codes (``CameoPolicy``).
public struct CameoTable: Sendable {
    public let codes: [String: CameoCode]
    /// The codes each policy holds.
    let policies: [CameoPolicy: [String]]

    init(lines: [Substring], policies: [Substring]) throws {
        self.policies = try CameoPolicy.codes(policies)
        var codes: [String: CameoCode] = [:]
        for line in lines {
            let f = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard f.count >= 4, let goldstein = Double(f[2]), let quad = Int(f[3]) else {
                throw ResourceError.malformed(file: "cameo.tsv", line: String(line))
            }
            func field(_ i: Int) -> String? { f.count > i && !f[i].isEmpty ? f[i] : nil }
            codes[f[0]] = CameoCode(
                code: f[0], description: f[1], goldstein: goldstein, quadClass: quad, plover: field(4), mode: field(5), intent: field(6),
                refusal: field(7), reduction: field(8))
        }
        self.codes = codes
    }

    /// Whether a policy holds a code: the code or one above it is listed ("19" holds "1951").
    public func holds(_ policy: CameoPolicy, _ code: String) -> Bool {
        policies[policy]?.contains { code.hasPrefix($0) } ?? false
    }

    /// A code's entry, or its root's.
    public subscript(code: String) -> CameoCode? { codes[code] ?? codes[String(code.prefix(3))] ?? codes[String(code.prefix(2))] }
}
