/// What a site's `robots.txt` allows one crawler, as RFC 9309 reads it: the groups that name the crawler's product
/// token (else the `*` groups), merged; of their `Allow` and `Disallow` rules the longest that matches a path decides,
/// `Allow` on a tie; `*` matches any run of characters and a final `$` the end of the path.
///
/// ```swift
/// let rules = RobotsRules("User-agent: *\nDisallow: /private\nAllow: /private/press", userAgent: "Dossier")
/// rules.allows("/private/x")        // false
/// rules.allows("/private/press/1")  // true
/// ```
public struct RobotsRules: Sendable, Equatable {
    struct Rule: Sendable, Equatable {
        var allow: Bool
        var pattern: [UInt8]
    }

    var rules: [Rule]

    /// No rules: everything allowed (a site without robots.txt, or one that answers 4xx for it).
    public static let allowAll = RobotsRules(rules: [])
    /// Everything disallowed (a site whose robots.txt cannot be read because of a server error).
    public static let disallowAll = RobotsRules(rules: [Rule(allow: false, pattern: Array("/".utf8))])

    /// The file's bytes past this are not read, as RFC 9309 allows.
    public static let maximumBytes = 512 * 1024

    init(rules: [Rule]) { self.rules = rules }

    /// Reads a robots.txt for the crawler whose product token is `userAgent` (`Dossier`).
    public init(_ text: String, userAgent: String) {
        let token = userAgent.lowercased()
        var named: [Rule] = []
        var anyone: [Rule] = []
        var agents: [String] = []
        var inRules = false
        var namedFound = false
        for rawLine in text.utf8.prefix(Self.maximumBytes).split(whereSeparator: { $0 == 0x0A || $0 == 0x0D }) {
            let line = String(decoding: rawLine.prefix { $0 != 0x23 }, as: UTF8.self)
            guard let colon = line.firstIndex(of: ":") else { continue }
            let key = line[..<colon].trimmingSpaces.lowercased()
            let value = line[line.index(after: colon)...].trimmingSpaces
            switch key {
            case "user-agent":
                if inRules { agents = [] }
                inRules = false
                agents.append(value.lowercased())
            case "allow", "disallow":
                inRules = true
                guard !value.isEmpty else { continue }
                let rule = Rule(allow: key == "allow", pattern: Array(value.utf8))
                if agents.contains(where: { Self.names($0, token) }) {
                    named.append(rule)
                    namedFound = true
                }
                if agents.contains("*") { anyone.append(rule) }
            default:
                continue
            }
            if key == "user-agent", agents.contains(where: { Self.names($0, token) }) { namedFound = true }
        }
        rules = namedFound ? named : anyone
    }

    /// Whether a group's user-agent line names the crawler: its product token, case aside, with or without a version.
    private static func names(_ agent: String, _ token: String) -> Bool {
        agent == token || agent.split(separator: "/").first.map(String.init) == token
    }

    /// Whether the path (with its query) may be fetched.
    public func allows(_ path: String) -> Bool {
        if path == "/robots.txt" { return true }
        let bytes = Array(path.utf8)
        var best: Rule?
        for rule in rules where Self.matches(rule.pattern, bytes) {
            guard let current = best else {
                best = rule
                continue
            }
            if rule.pattern.count > current.pattern.count || (rule.pattern.count == current.pattern.count && rule.allow) { best = rule }
        }
        return best?.allow ?? true
    }

    /// Whether a pattern matches the start of a path (all of it with a final `$`); `*` matches any run of bytes.
    /// Greedy with one backtracking point, so linear in practice and quadratic at worst.
    static func matches(_ pattern: [UInt8], _ path: [UInt8]) -> Bool {
        var pattern = pattern[...]
        let anchored = pattern.last == 0x24
        if anchored { pattern = pattern.dropLast() }
        var p = pattern.startIndex
        var s = 0
        var star: Int?
        var starPath = 0
        while true {
            if p == pattern.endIndex && (!anchored || s == path.count) { return true }
            if p < pattern.endIndex && pattern[p] == 0x2A {
                star = p
                starPath = s
                p += 1
            } else if p < pattern.endIndex && s < path.count && pattern[p] == path[s] {
                p += 1
                s += 1
            } else if let starIndex = star, starPath < path.count {
                starPath += 1
                p = starIndex + 1
                s = starPath
            } else {
                return false
            }
        }
    }
}

extension StringProtocol {
    /// Without spaces and tabs at either end.
    var trimmingSpaces: String {
        let bytes = Array(utf8)
        guard let first = bytes.firstIndex(where: { $0 != 0x20 && $0 != 0x09 }),
            let last = bytes.lastIndex(where: { $0 != 0x20 && $0 != 0x09 })
        else { return "" }
        return String(decoding: bytes[first...last], as: UTF8.self)
    }
}
