import Testing

@testable import DossierWeb

@Suite struct RobotsRulesTests {
    static let file = """
        # a comment
        User-agent: *
        Disallow: /private/
        Allow: /private/press/
        Disallow: /*.pdf$
        Disallow: /search?

        User-agent: OtherBot
        Disallow: /

        User-agent: dossier/1.0
        User-agent: AnotherBot
        Disallow: /no-dossier
        Allow: /no-dossier/but-this
        """

    @Test(arguments: [
        ("/", "OtherBot", false), ("/news", "SomeBot", true), ("/private/x", "SomeBot", false), ("/private/press/1", "SomeBot", true),
        ("/files/a.pdf", "SomeBot", false), ("/files/a.pdf?x", "SomeBot", true), ("/search?q=1", "SomeBot", false),
        ("/search", "SomeBot", true), ("/private/x", "Dossier", true), ("/no-dossier/x", "Dossier", false),
        ("/no-dossier/but-this/1", "Dossier", true), ("/robots.txt", "OtherBot", true),
    ])
    func longestMatchDecides(path: String, agent: String, allowed: Bool) {
        #expect(RobotsRules(Self.file, userAgent: agent).allows(path) == allowed)
    }

    @Test func tiesGoToAllowAndEmptyDisallowAllowsAll() {
        #expect(RobotsRules("User-agent: *\nDisallow: /a\nAllow: /a", userAgent: "Dossier").allows("/a/b"))
        #expect(RobotsRules("User-agent: *\nDisallow:", userAgent: "Dossier").allows("/anything"))
        #expect(RobotsRules("", userAgent: "Dossier").allows("/anything"))
        #expect(!RobotsRules.disallowAll.allows("/x"))
    }

    @Test func manyStarsStayFast() {
        let pattern = "/" + String(repeating: "*a", count: 200) + "$"
        let rules = RobotsRules("User-agent: *\nDisallow: \(pattern)", userAgent: "Dossier")
        #expect(rules.allows("/" + String(repeating: "a", count: 2000) + "b"))
    }
}
