/// A way the event coder treats an event by its CAMEO code, as `cameo-policy.txt` lists the codes of each (the file
/// says what each policy does).
///
///     LanguageData.english.cameo.holds(.mutual, "040")  // true: "Obama and Xi will hold talks" meet each other
public enum CameoPolicy: String, CaseIterable, Sendable {
    case mutual, responds, gives, delivers, received, force, fighting, disapproval, acts, arrests, asks, intends, visits, denials
    case cooperation
    case judgesActs = "judges-acts"
    case needsAuthor = "needs-author"
    case actsOnPlaces = "acts-on-places"
    case refusedWhenNegated = "refused-when-negated"
    case intendedWhenAnnounced = "intended-when-announced"
    case outletsTakeNoPart = "outlets-take-no-part"

    /// The codes of every policy, read from the lines of `cameo-policy.txt`; a policy the file leaves out, or one it
    /// names that Dossier does not know, is an error.
    static func codes(_ lines: [Substring]) throws -> [CameoPolicy: [String]] {
        var codes: [CameoPolicy: [String]] = [:]
        for line in lines {
            let fields = line.split(separator: "\t")
            guard fields.count == 2, let policy = CameoPolicy(rawValue: String(fields[0])) else {
                throw ResourceError.malformed(file: "cameo-policy.txt", line: String(line))
            }
            codes[policy, default: []] += fields[1].split(separator: " ").map(String.init)
        }
        if let missing = allCases.first(where: { codes[$0] == nil }) {
            throw ResourceError.missing("cameo-policy.txt: the policy \(missing.rawValue)")
        }
        return codes
    }
}
