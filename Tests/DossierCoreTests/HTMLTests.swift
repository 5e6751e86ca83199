import DossierCore
import Foundation
import HTMLTree
import Testing

/// A page with an article of a few long paragraphs, wrapped in the furniture sites put around one.
private func page(head: String = "", article: String? = nil, extra: String = "", htmlAttributes: String = " lang=\"en\"") -> String {
    let body =
        article
            ?? """
            <p>The defence minister arrived in Pyongyang on Tuesday for talks with the leader, officials said in a statement.</p>
            <p>The visit, the first by a minister in years, came as both countries sought closer ties, according to analysts.</p>
            <h2>Weapons on show</h2>
            <p>The two men toured an exhibition of missiles and drones, state media reported later that evening, with photographs.</p>
            """
    return """
        <!DOCTYPE html>
        <html\(htmlAttributes)><head>\(head)<title>Kim shows off missiles | The Daily Example</title></head>
        <body>
        <nav><a href="/">Home</a> <a href="/world">World</a></nav>
        <header class="site-header"><a href="/">The Daily Example</a></header>
        <article><h1>Kim shows off missiles</h1>\(body)</article>
        \(extra)
        <footer>Copyright 2023 The Daily Example. All rights reserved and more words here to be long enough.</footer>
        </body></html>
        """
}

private func read(_ html: String) throws -> HTMLArticle {
    try HTMLArticle(bytes: Array(html.utf8), source: "test.html")
}

@Suite struct HTMLTreeTests {
    @Test func theParserRepairsBrokenMarkup() {
        let tree = HTMLParser.parse(Array("<p>One <b>bold<p>Two &amp; three</div><li>item".utf8))
        let paragraphs = tree.elements(.p)
        #expect(paragraphs.count == 2)
        #expect(tree.textContent(of: paragraphs[0]) == "One bold")
        #expect(tree.textContent(of: paragraphs[1]) == "Two & three")
    }

    @Test func scriptsAndCommentsAreSkippedButJSONIsKept() {
        let html =
            "<script>var a = '<p>not text</p>';</script><!-- <p>hidden</p> --><script type=\"application/ld+json\">{\"a\":1}</script><p>Seen</p>"
        let tree = HTMLParser.parse(Array(html.utf8))
        #expect(tree.elements(.p).count == 1)
        let scripts = tree.elements(.script)
        #expect(tree.textContent(of: scripts[0]).isEmpty)
        #expect(tree.textContent(of: scripts[1]) == "{\"a\":1}")
    }

    @Test func attributesAndCustomElementsAreKept() {
        let tree = HTMLParser.parse(Array("<div class=\"a b\" data-x=\"1\"><my-widget hidden>x</my-widget></div>".utf8))
        let div = tree.elements(.div)[0]
        #expect(tree.attribute("class", of: div) == "a b")
        #expect(tree.attributes(of: div).map(\.name) == ["class", "data-x"])
        let widget = tree.elements(.custom)[0]
        #expect(tree.name(of: widget) == "my-widget")
        #expect(tree.hasAttribute("hidden", of: widget))
    }

    @Test func anAttributeFilterKeepsOnlyWhatItNames() {
        let html = "<div class=\"a\" data-x='1 > 2' TITLE=t id=i><link rel=canonical href=\"u\"><a href=\"v\" rel=author>x</a></div>"
        let filter = AttributeFilter(keeping: ["class", "id", "rel"], on: ["link": ["href"]])
        let tree = HTMLParser.parse(Array(html.utf8), attributes: filter)
        #expect(tree.attributes(of: tree.elements(.div)[0]).map(\.name) == ["class", "id"])
        #expect(tree.attribute("href", of: tree.elements(.link)[0]) == "u")
        let link = tree.elements(.a)[0]
        #expect(tree.attributes(of: link).map(\.name) == ["rel"])
        #expect(tree.textContent(of: link) == "x")
    }

    @Test func droppingAttributesLeavesBrokenTagsParsedAsBefore() {
        let pages = [
            "<div class=\"x <p title=\">\">y</div><p>z",
            "<a href=/x/ data-a = \"b\"c=d/><span id=s @bad=1 data-z>t</span>",
            "<div data-open=\"never closed><p>lost</p>",
            "<p data-a=1\n\tclass=k>a<script src=\"s.js\" data-b>var x = '<p>';</script>b",
        ]
        let filter = AttributeFilter(keeping: ["class", "id"])
        for html in pages {
            let all = HTMLParser.parse(Array(html.utf8))
            let filtered = HTMLParser.parse(Array(html.utf8), attributes: filter)
            #expect(filtered.nodes.map(\.tag) == all.nodes.map(\.tag))
            #expect(filtered.textContent(of: filtered.root) == all.textContent(of: all.root))
            for node in all.nodes.indices where all.nodes[node].kind == .element {
                #expect(filtered.attribute("class", of: node) == all.attribute("class", of: node))
                #expect(filtered.attribute("id", of: node) == all.attribute("id", of: node))
            }
        }
    }

    /// Found by `scripts/fuzz.sh` (FuzzIntake, FuzzHTML): a page cut off inside a tag whose attributes the filter drops,
    /// after blanks it collapses, trapped the process.
    @Test(arguments: [
        "<html><body><p>Kim  met   Shoigu.</p>\n\n  <div data-x=\"1\" onclick=\"go",
        "<html><body><p>Kim met Shoigu.</p>  <div id=\"a\" data-x=\"1\" style=\"x\"   title=",
        "<html><body>\n<p>Kim</p>\n   <a href=\"x\" rel=\"nofollow\" class=\"y\"   ",
    ])
    func aPageCutOffInsideATagReadsAsLibxml2ReadsIt(html: String) {
        let filter = AttributeFilter(keeping: ["class", "id"])
        let all = HTMLParser.parse(Array(html.utf8), collapsingWhitespace: true)
        let filtered = HTMLParser.parse(Array(html.utf8), attributes: filter, collapsingWhitespace: true)
        #expect(filtered.textContent(of: filtered.root) == all.textContent(of: all.root))
        #expect(filtered.textContent(of: filtered.root).contains("Kim"))
    }

    @Test func nestingPastAnyPagesDepthIsFlattenedWithItsTextKept() {
        let deep = String(repeating: "<div><span>", count: 20_000) + "the core" + String(repeating: "</span></div>", count: 20_000)
        let html = Array("<html><body>\(deep)<p>after</p></body></html>".utf8)
        let clock = ContinuousClock()
        let started = clock.now
        let tree = HTMLParser.parse(html)
        #expect(clock.now - started < .seconds(5))
        #expect(tree.textContent(of: tree.root) == "the coreafter")
        #expect(tree.elements(.p).count == 1)
        // Past 256 open elements (the prefilter's depth), start tags and their end tags are dropped.
        #expect(tree.elements(.div).count + tree.elements(.span).count <= 256)
    }

    @Test func pagesWithinTheDepthParseAsBefore() {
        let html = Array(
            ("<html><body>" + String(repeating: "<div class=a><ul><li>one<li>two</ul><p>text<br>more", count: 60)
                + String(repeating: "</div>", count: 60) + "</body></html>").utf8)
        let filtered = HTMLParser.parse(html, attributes: AttributeFilter(keeping: ["class"]))
        let all = HTMLParser.parse(html)
        #expect(filtered.nodes.map(\.tag) == all.nodes.map(\.tag))
        #expect(all.elements(.div).count == 60)
        #expect(all.elements(.li).count == 120)
    }

    @Test func whiteSpaceCollapsesOnRequest() {
        let html = Array("<p>One \n\n   two\t\tthree</p><script type=\"application/ld+json\">{\"a\":  1}</script>".utf8)
        let tree = HTMLParser.parse(html, collapsingWhitespace: true)
        #expect(tree.textContent(of: tree.elements(.p)[0]) == "One two\tthree")
        #expect(tree.textContent(of: tree.elements(.script)[0]) == "{\"a\":  1}")
        #expect(HTMLParser.parse(html).textContent(of: 0).hasPrefix("One \n\n   two"))
    }

    @Test func gzipRoundTrips() throws {
        // "hello\n" compressed by gzip.
        let compressed: [UInt8] = [
            0x1F, 0x8B, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x03, 0xCB, 0x48, 0xCD, 0xC9, 0xC9, 0xE7, 0x02, 0x00, 0x20, 0x30,
            0x3A, 0x36, 0x06, 0x00, 0x00, 0x00,
        ]
        let result = try Gzip.decompress(compressed, limit: 100)
        #expect(result.bytes == Array("hello\n".utf8) && result.complete)
        let truncated = try Gzip.decompress(Array(compressed.prefix(18)), limit: 100)
        #expect(!truncated.complete)
    }
}

@Suite struct HTMLArticleTests {
    @Test func theArticleIsKeptAndTheFurnitureLeft() throws {
        let extra = """
            <div class="social-share"><p>Share this story on every network you know of, it helps us reach readers.</p></div>
            <aside><p>Most read: a list of the stories everyone has been reading on the site this week.</p></aside>
            <div id="comments"><p>Great article, I have been saying this for years and nobody listens to me.</p></div>
            """
        let article = try read(page(extra: extra))
        #expect(article.paragraphs.count == 4)
        #expect(article.paragraphs[2] == "Weapons on show")
        #expect(!article.text.contains("Share this"))
        #expect(!article.text.contains("Most read"))
        #expect(!article.text.contains("Great article"))
        #expect(!article.text.contains("Copyright"))
        #expect(!article.text.contains("Home"))
    }

    @Test func captionsAndLinkListsLeaveTheBody() throws {
        let body = """
            <p>The defence minister arrived in Pyongyang on Tuesday for talks with the leader, officials said in a statement.</p>
            <figure><img src="a.jpg"><figcaption>Kim Jong Un and Sergei Shoigu at the exhibition. KCNA via Reuters</figcaption></figure>
            <p>The visit, the first by a minister in years, came as both countries sought closer ties, according to analysts.</p>
            <ul><li><a href="/a">Related: another story</a></li><li><a href="/b">Related: a third story</a></li></ul>
            """
        let article = try read(page(article: body))
        #expect(article.captions == ["Kim Jong Un and Sergei Shoigu at the exhibition. KCNA via Reuters"])
        #expect(article.paragraphs.count == 2)
        #expect(!article.text.contains("Related"))
    }

    /// An interview of six people, each answer block wrapped twice (`div.block > div.text`), photos between: no
    /// block holds a fifth of the article, and each is the only child of its wrapper, so the parts are the wrappers'
    /// siblings.
    @Test func anArticleOfManyWrappedPartsIsReadWhole() throws {
        let body = ["Anna", "Boris", "Clara", "Dmitri", "Elena", "Fyodor"].map { name in
            """
            <div class="block"><div class="text"><h3>\(name), one of the cooks</h3>
            <p>\(name) began cooking as a child, watching her mother bake bread every Sunday morning in the small kitchen.</p>
            <p>Asked what inspired the page, \(name) said that food brings people together wherever they are.</p>
            </div></div><div class="photo"><img src="\(name).jpg"></div>
            """
        }.joined()
        let article = try read(page(article: body))
        #expect(article.paragraphs.filter { $0.contains("began cooking") }.count == 6)
        #expect(article.paragraphs.contains("Fyodor, one of the cooks"))
        #expect(!article.text.contains("Copyright"))
    }

    /// A lead and the first paragraphs (each a `div` of one run of text) before a `div.read-all` that holds most of the
    /// article: the article is all of them.
    @Test func theLeadBeforeAReadMoreBlockIsKept() throws {
        func paragraphs(_ numbers: ClosedRange<Int>) -> String {
            numbers.map { "<div class=\"body__paragraph\">Paragraph \($0) of the report: the minister said the talks went well.</div>" }
                .joined()
        }
        let body = """
            <section class="body"><div class="lead"><p>The lead: ministers of both countries met in the capital on Monday for the first
            time in years.</p></div>\(paragraphs(1...2))<div class="read-more">Read More</div>
            <div class="read-all">\(paragraphs(3...14))</div></section>
            """
        let article = try read(page(article: body))
        #expect(article.paragraphs.first { $0.hasPrefix("The lead") } != nil)
        #expect(article.paragraphs.filter { $0.hasPrefix("Paragraph") }.count == 14)
    }

    /// Furniture named in other languages: German, French and Spanish class names.
    @Test(arguments: [
        (
            "<div class=\"werbung-container\"><p>Jetzt das neue Auto probefahren und bis zu tausend Euro bei Ihrem Händler sparen.</p></div>",
            "Auto"
        ),
        (
            "<div class=\"artikel-teilen\"><p>Diesen Artikel auf Facebook, Twitter, WhatsApp oder per E-Mail mit Freunden teilen.</p></div>",
            "Facebook"
        ),
        (
            "<section class=\"kommentare\"><p>Toller Artikel, das sage ich schon seit Jahren und niemand hört mir jemals zu.</p></section>",
            "Toller"
        ),
        (
            "<div class=\"bloc-partage\"><p>Partagez cet article sur Facebook, Twitter ou par courriel avec tous vos amis.</p></div>",
            "Partagez"
        ),
        (
            "<div class=\"noticias-relacionadas\"><p>El presidente viaja a Bruselas para una cumbre con los líderes de la Unión Europea.</p></div>",
            "Bruselas"
        ),
    ])
    func furnitureInOtherLanguagesLeavesTheBody(furniture: String, word: String) throws {
        let body = """
            <p>The defence minister arrived in Pyongyang on Tuesday for talks with the leader, officials said in a statement.</p>
            \(furniture)
            <p>The visit, the first by a minister in years, came as both countries sought closer ties, according to analysts.</p>
            """
        let article = try read(page(article: body))
        #expect(article.paragraphs.count == 2)
        #expect(!article.text.contains(word))
    }

    @Test func hiddenElementsAreNotRead() throws {
        let body = """
            <p>The defence minister arrived in Pyongyang on Tuesday for talks with the leader, officials said in a statement.</p>
            <p style="display: none">A paragraph that no reader of this page would ever see on the screen at all.</p>
            <p hidden>Another paragraph that no reader of this page would ever see on the screen at all.</p>
            """
        let article = try read(page(article: body))
        #expect(article.paragraphs.count == 1)
    }

    @Test func lineBreaksSplitParagraphs() throws {
        let body =
            "<div>The defence minister arrived in Pyongyang on Tuesday for talks with the leader.<br><br>The visit came as both countries sought closer ties, analysts and officials said.</div>"
        let article = try read(page(article: body))
        #expect(article.paragraphs.count == 2)
    }

    @Test func unclosedAndTruncatedMarkupStillReads() throws {
        let html =
            "<html><body><article><p>The defence minister arrived in Pyongyang on Tuesday for talks with the leader, officials said.<p>The visit, the first by a minister in years, came as both countries sought closer"
        let article = try read(html)
        #expect(article.paragraphs.count == 2)
        #expect(article.paragraphs[1].hasSuffix("sought closer"))
    }
}

@Suite struct BoilerplateNameTests {
    @Test func namesAreCutIntoWordsAndMatched() {
        let names = BoilerplateNames.standard
        #expect(names.verdict(names: "ad-slot") == .furniture)
        #expect(names.verdict(names: "header") == .neutral)
        #expect(names.verdict(names: "relatedLinks") == .furniture)
        #expect(names.verdict(names: "storyBody related") == .article)
        #expect(names.verdict(names: "photo-credit") == .caption)
        #expect(names.verdict(names: "") == .neutral)
    }
}

@Suite struct HTMLMetadataTests {
    @Test func theTitleComesFromOpenGraphOrTheTitleWithoutTheSiteName() throws {
        let withOpenGraph = try read(page(head: "<meta property=\"og:title\" content=\"Kim and Shoigu\">"))
        #expect(withOpenGraph.metadata.title == "Kim and Shoigu")
        let withTitleOnly = try read(page().replacingOccurrences(of: "<h1>Kim shows off missiles</h1>", with: ""))
        #expect(withTitleOnly.metadata.title == "Kim shows off missiles")
        let withHeading = try read(page())
        #expect(withHeading.metadata.title == "Kim shows off missiles")
        #expect(!withHeading.text.contains("Kim shows off missiles"))
    }

    @Test func theDateComesFromJSONLDFirst() throws {
        let head = """
            <meta property="article:published_time" content="2023-07-25T10:00:00Z">
            <script type="application/ld+json">{"@context": "https://schema.org", "@type": "NewsArticle", "datePublished": "2023-07-26T08:00:00+09:00",
            "author": [{"@type": "Person", "name": "Jane Doe"}], "publisher": {"@type": "Organization", "name": "Example News"}}</script>
            """
        let metadata = try read(page(head: head)).metadata
        #expect(metadata.date == "2023-07-26" && metadata.dateSource == "json-ld")
        #expect(metadata.author == "Jane Doe")
        #expect(metadata.outlet == "Example News")
    }

    @Test func theDateComesFromMetaTagsTimeElementsOrTheAddress() throws {
        let meta = try read(page(head: "<meta property=\"article:published_time\" content=\"2023-07-25T10:00:00Z\">")).metadata
        #expect(meta.date == "2023-07-25" && meta.dateSource == "meta")
        let time = try read(page(extra: "<time datetime=\"2023-07-24\">Monday</time>")).metadata
        #expect(time.date == "2023-07-24" && time.dateSource == "time")
        let address = try read(page(head: "<link rel=\"canonical\" href=\"https://example.com/2023/07/23/kim-shoigu/\">")).metadata
        #expect(address.date == "2023-07-23" && address.dateSource == "url")
        #expect(address.url == "https://example.com/2023/07/23/kim-shoigu/")
    }

    @Test(arguments: [
        "<span class=\"datum\">5. Dezember 2026, 10:30 Uhr</span>",
        "<p class=\"date-publication\">Publié le 5 décembre 2026</p>",
        "<time>5 de diciembre de 2026</time>",
        "<div class=\"articleDate\">5 декабря 2026</div>",
        "<span class=\"date\">am 05.12.2026 um 10:30</span>",
        "<div class=\"story-meta\"><span class=\"published\">Posted: <b>Dec. 5, 2026</b></span></div>",
    ])
    func aPageWithNoDateInItsMarkupGivesTheDateItShows(shown: String) throws {
        let metadata = try read(page(extra: shown)).metadata
        #expect(metadata.date == "2026-12-05" && metadata.dateSource == "text")
    }

    @Test func theMarkupsDateComesBeforeTheShownOneAndADateInNoDatedElementIsNone() throws {
        let head = "<meta property=\"article:published_time\" content=\"2026-11-30T08:00:00Z\">"
        #expect(try read(page(head: head, extra: "<span class=\"datum\">5. Dezember 2026</span>")).metadata.date == "2026-11-30")
        #expect(try read(page(extra: "<div class=\"sidebar\"><span>December 1, 2026</span></div>")).metadata.date == nil)
        // A version number is no date, nor is an impossible day.
        #expect(try read(page(extra: "<span class=\"date\">v1.2.2026 31.02.2026</span>")).metadata.date == nil)
    }

    @Test func authorOutletAndLanguageComeFromMetaTags() throws {
        let head = "<meta name=\"author\" content=\"John Smith\"><meta property=\"og:site_name\" content=\"The Daily Example\">"
        let metadata = try read(page(head: head, htmlAttributes: " lang=\"en_gb\"")).metadata
        #expect(metadata.author == "John Smith")
        #expect(metadata.outlet == "The Daily Example")
        #expect(metadata.language == "en-GB")
    }

    @Test func datesInTextAreRead() {
        let dates = [
            "2019-11-19T10:00:00Z", "2019/11/19", "20191119", "19 November 2019", "November 19, 2019", "Tue, 19 Nov 2019 10:00:00 GMT",
        ]
        let metadata = dates.map { try? read(page(head: "<meta name=\"date\" content=\"\($0)\">")).metadata.date }
        #expect(metadata.allSatisfy { $0 == "2019-11-19" })
    }
}

@Suite struct HTMLCharsetTests {
    private func latin1Page(_ head: String) -> [UInt8] {
        // "café" and "naïve" in a single-byte encoding; 0x92 is a right quote in Windows-1252.
        var bytes = Array("<html><head>\(head)</head><body><p>The caf".utf8)
        bytes += [0xE9] + Array(" was full of na".utf8) + [0xEF] + Array("ve visitors and it".utf8) + [0x92]
        bytes += Array("s the place the defence minister chose for lunch on Tuesday.</p></body></html>".utf8)
        return bytes
    }

    @Test func aMetaCharsetIsHonoured() throws {
        for head in [
            "<meta charset=\"windows-1252\">", "<meta charset=iso-8859-1>",
            "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=ISO-8859-1\">",
        ] {
            let article = try HTMLArticle(bytes: latin1Page(head), source: "test.html")
            #expect(article.text.hasPrefix("The café was full of naïve visitors and it’s the place"))
            #expect(article.encoding == "windows-1252")
        }
    }

    @Test func undeclaredBytesThatAreNotUTF8AreWindows1252() throws {
        let article = try HTMLArticle(bytes: latin1Page(""), source: "test.html")
        #expect(article.text.contains("café"))
    }

    @Test func byteOrderMarksAreHonoured() throws {
        let html = "<html><body><p>The café was full on Tuesday when the defence minister arrived for lunch.</p></body></html>"
        let utf8 = try HTMLArticle(bytes: [0xEF, 0xBB, 0xBF] + Array(html.utf8), source: "test.html")
        #expect(utf8.text.contains("café"))
        let utf16 = try HTMLArticle(bytes: [0xFF, 0xFE] + Array(html.data(using: .utf16LittleEndian)!), source: "test.html")
        #expect(utf16.text.contains("café"))
    }

    @Test func malformedUTF8IsRepaired() throws {
        // An overlong slash, a UTF-16 surrogate, a truncated sequence and a code point past U+10FFFF.
        for bad: [UInt8] in [[0xC0, 0xAF], [0xED, 0xA0, 0x80], [0xE2, 0x82], [0xF4, 0x90, 0x80, 0x80]] {
            let bytes = Array("<meta charset=utf-8><p>The caf".utf8) + bad + Array("e was full on Tuesday when the minister came.</p>".utf8)
            let article = try HTMLArticle(bytes: bytes, source: "test.html")
            #expect(article.text.contains("\u{FFFD}"))
            #expect(article.diagnostics.count == 1)
        }
        let valid = "<p>Die Stra\u{DF}e \u{2014} \u{1F600} war voll, als der Minister am Dienstag kam.</p>"
        #expect(try HTMLArticle(bytes: Array(valid.utf8), source: "test.html").diagnostics.isEmpty)
    }

    @Test func aPageDeclaredLatin1ButWrittenInUTF8IsReadAsUTF8() throws {
        let html = "<meta charset=\"iso-8859-1\"><p>The café was full on Tuesday when the defence minister arrived for lunch.</p>"
        #expect(try HTMLArticle(bytes: Array(html.utf8), source: "test.html").text.contains("café"))
    }
}

@Suite struct HTMLIntakeTests {
    let intake = Intake(maxBytes: 1 << 20)

    @Test func htmlIsDetectedByItsContent() throws {
        let article = try intake.article(Data(page().utf8), source: "-")
        #expect(article.given.title == "Kim shows off missiles")
        #expect(article.given.language == "en")
        #expect(article.text.hasPrefix("The defence minister arrived"))
        #expect(HTMLArticle.looksLikeHTML(Array("  <!doctype html><p>x".utf8)))
        #expect(!HTMLArticle.looksLikeHTML(Array("Kim met Shoigu <b>today</b>".utf8)))
    }

    @Test func gzipPagesAreReadDirectly() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("dossier-html-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let plain = folder.appendingPathComponent("page.html")
        try Data(page().utf8).write(to: plain)
        let gzip = Process()
        gzip.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        gzip.arguments = ["gzip", "-k", plain.path]
        try gzip.run()
        gzip.waitUntilExit()
        guard gzip.terminationStatus == 0 else { return }
        let units = intake.units(for: [folder.path])
        #expect(units.count == 2)
        for unit in units {
            #expect(try intake.load(unit).given.title == "Kim shows off missiles")
        }
    }

    @Test func badPagesGiveClearErrors() {
        #expect(throws: InputError.empty("a.html")) { try intake.article(Data(), source: "a.html") }
        #expect(throws: InputError.undecodable("a.html", "no HTML markup found: this is not a web page")) {
            try intake.article(Data("just some words".utf8), source: "a.html")
        }
        #expect(throws: InputError.self) {
            try intake.article(Data("<html><head><title>x</title></head><body></body></html>".utf8), source: "a.html")
        }
        #expect(throws: InputError.self) { try intake.article(Data([0x1F, 0x8B, 0x08, 0x00, 0x01]), source: "a.html.gz") }
    }
}
