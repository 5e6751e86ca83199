/// One report and everything Dossier finds in it: the text plus layers.
///
/// Like spaCy's `Doc`, a document is the one container that every ``Stage``
/// reads from and adds to. The text never changes once made; stages add
/// layers (paragraphs, page furniture, tokens, sentences, ...) whose spans are
/// byte ranges into ``utf8``.
///
/// ```swift
/// var document = Document(text: "Kim met Shoigu.", source: "example")
/// try Pipeline.standard().run(&document)
/// print(document.sentences.count)  // 1
/// ```
public struct Document: Sendable {
    /// Where the report came from: a path, `-` for standard input, `FILE:LINE` for JSON Lines.
    public let source: String
    /// The decoded text, invalid bytes already replaced with U+FFFD.
    public let text: String
    /// The text's UTF-8 bytes: the space every ``Span`` indexes.
    public let utf8: [UInt8]
    /// The text normalised for matching (odd spaces, quotes, line ends), with a map back to ``utf8``.
    public let folded: FoldedText
    /// What the caller or the container supplied about the report.
    public var given: GivenMetadata
    /// Problems met while reading the report (replaced bytes, ...), for the user.
    public var diagnostics: [Diagnostic]

    /// Layers the stages have assigned so far: ``Pipeline/run(_:budget:)`` records them, and refuses a document that
    /// lacks a layer its stages need (one read by another pipeline first, say).
    public internal(set) var assigned: Set<Layer> = [.text]
    /// The layers of stages written outside `DossierCore`, by name (see ``LayerKey``).
    var ownLayers: [Layer: any Sendable] = [:]

    // MARK: Layers

    /// Paragraphs of the text, in order (layer ``Layer/paragraphs``).
    public var paragraphs: [Span] = []
    /// The text cut into blocks with their role: body, title, caption, credit ... (layer ``Layer/furniture``).
    public var blocks: [Block] = []
    /// The headline, when the report has one.
    public var title: String?
    /// Photo captions, kept out of the body.
    public var captions: [String] = []
    /// Agencies and outlets named in credit lines and datelines.
    public var credits: [String] = []
    /// Places named in datelines ("WASHINGTON (AP) —").
    public var datelinePlaces: [String] = []
    /// Tokens of the text a reader reads (body, headline, standfirst, captions), in order (layer ``Layer/tokens``).
    /// Setting them sets ``forms`` and ``lowercasedForms``.
    public var tokens: [Token] = [] {
        didSet {
            forms = tokens.map(form)
            lowercasedForms = forms.map { $0.lowercased() }
        }
    }
    /// Each token's ``form(_:)``, made once for every stage that reads it.
    public private(set) var forms: [String] = []
    /// Each token's form, lowercased.
    public private(set) var lowercasedForms: [String] = []
    /// Sentences of the text a reader reads, in order (layer ``Layer/sentences``).
    public var sentences: [Sentence] = []
    /// Time expressions, in order, resolved against ``reference`` (layer ``Layer/times``).
    public var times: [TimeExpression] = []
    /// The date the report was written, and how it was found.
    public var reference: ReferenceDate?
    /// Mentions of people, organisations, places, weapons and events, in order (layer ``Layer/mentions``).
    public var mentions: [Mention] = []
    /// One entry per real thing the report speaks of (layer ``Layer/entities``).
    public var entities: [Entity] = []
    /// Quotations and reported speech (layer ``Layer/quotes``).
    public var quotes: [Quote] = []
    /// Events between actors (layer ``Layer/events``).
    public var events: [Event] = []
    /// Contested statements and who denies them (layer ``Layer/claims``).
    public var claims: [Claim] = []

    /// Makes a document of a text.
    public init(text: String, source: String = "-", given: GivenMetadata = GivenMetadata()) {
        self.source = source
        self.text = text
        self.utf8 = Array(text.utf8)
        self.folded = FoldedText(utf8)
        self.given = given
        self.diagnostics = []
    }

    /// The text of a span.
    public func string(_ span: Span) -> String {
        String(decoding: utf8[span.start..<span.end], as: UTF8.self)
    }

    /// A token's normalised text (curly quotes straightened, dashes folded, invisible characters gone).
    public func form(_ token: Token) -> String { folded.string(token.key) }

    /// The body blocks, in order.
    public var bodyBlocks: [Block] { blocks.filter { $0.role == .body } }

    /// The reference date: given by the caller or the container, else found in the text.
    public var published: String? { reference?.value ?? given.date }
}

/// What is known about a report before reading it: from the command line, a JSON Lines record or a web page's markup.
public struct GivenMetadata: Sendable, Hashable {
    public var id: String?
    /// A title supplied with the text; when set (even empty), the text is all body.
    public var title: String?
    /// The reference date, ISO 8601 (`2023-07-26`, may be partial).
    public var date: String?
    /// Where the date came from: "given", "record", "json-ld", "meta", ...
    public var dateSource: String?
    public var url: String?
    public var author: String?
    /// The publication's name ("The New York Times").
    public var outlet: String?
    /// The language code the page declares ("en").
    public var language: String?
    /// Captions found apart from the text (a page's `<figcaption>`s).
    public var captions: [String]

    public init(
        id: String? = nil, title: String? = nil, date: String? = nil, dateSource: String? = nil, url: String? = nil,
        author: String? = nil, outlet: String? = nil, language: String? = nil, captions: [String] = []
    ) {
        self.id = id
        self.title = title
        self.date = date
        self.dateSource = dateSource
        self.url = url
        self.author = author
        self.outlet = outlet
        self.language = language
        self.captions = captions
    }
}

/// A problem found in the input that did not stop processing.
public struct Diagnostic: Sendable, Hashable, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}

/// A piece of the text with the part it plays on the page.
public struct Block: Sendable, Hashable {
    public var span: Span
    public var role: Role

    public init(_ span: Span, _ role: Role) {
        self.span = span
        self.role = role
    }

    /// The part a block plays on the page.
    public enum Role: String, Sendable, Hashable, CaseIterable {
        /// Article text.
        case body
        case title
        /// The summary under the headline.
        case standfirst
        case caption
        /// A credit line: "--With PTI inputs", "Contributing: Associated Press".
        case credit
        /// The author's name and outlet above the text.
        case byline
        /// "WASHINGTON (AP) —" before the first paragraph.
        case dateline
        /// Anything else that is not the article: ads, share bars, teasers, close glyphs.
        case furniture

        /// Whether the block is text a reader reads, and so is analysed: body, headline, standfirst and captions.
        public var isRead: Bool {
            switch self {
            case .body, .title, .standfirst, .caption: true
            case .credit, .byline, .dateline, .furniture: false
            }
        }
    }
}

/// A token: a word, number or punctuation mark, Penn Treebank style.
public struct Token: Sendable, Hashable {
    /// Where the token stands in the text.
    public var span: Span
    /// Where its normalised form stands in ``Document/folded``: the bytes to match words against.
    public var key: Span

    public init(span: Span, key: Span) {
        self.span = span
        self.key = key
    }
}

/// A sentence: its span, the tokens it holds and the block it stands in.
public struct Sentence: Sendable, Hashable {
    public var span: Span
    /// Indices into ``Document/tokens``.
    public var tokens: Range<Int>
    /// Index into ``Document/blocks``.
    public var block: Int

    public init(span: Span, tokens: Range<Int>, block: Int) {
        self.span = span
        self.tokens = tokens
        self.block = block
    }
}
