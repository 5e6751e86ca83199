/// The name of a kind of annotation a ``Stage`` reads from or adds to a ``Document``, for the pipeline's check.
///
/// The built-in layers are static members (``tokens``, ``mentions``, ...). A stage written outside `DossierCore` names
/// a layer of its own the same way, and keeps what it finds in the document under a ``LayerKey``:
///
/// ```swift
/// extension Layer {
///     /// Each speaker's number of quotes.
///     static let quoteCounts = Layer("quote-counts")
/// }
/// ```
///
/// Layers are equal when their names are: choose a name no other stage uses.
public struct Layer: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    public let rawValue: String

    public init(rawValue: String) { self.rawValue = rawValue }

    /// A layer named `name`.
    public init(_ name: String) { self.init(rawValue: name) }

    public var description: String { rawValue }

    /// The text (``Document/text``, ``Document/utf8``, ``Document/folded``): every document holds it from the start.
    public static let text = Layer("text")
    /// ``Document/paragraphs``.
    public static let paragraphs = Layer("paragraphs")
    /// The page furniture: ``Document/blocks`` and ``Document/title``, ``Document/captions``, ``Document/credits``,
    /// ``Document/datelinePlaces``.
    public static let furniture = Layer("furniture")
    /// ``Document/tokens``, with their ``Document/forms`` and ``Document/lowercasedForms``.
    public static let tokens = Layer("tokens")
    /// ``Document/sentences``.
    public static let sentences = Layer("sentences")
    /// ``Document/times`` and the ``Document/reference`` date they are resolved against.
    public static let times = Layer("times")
    /// ``Document/mentions``.
    public static let mentions = Layer("mentions")
    /// ``Document/entities``.
    public static let entities = Layer("entities")
    /// ``Document/quotes``.
    public static let quotes = Layer("quotes")
    /// ``Document/events``.
    public static let events = Layer("events")
    /// ``Document/claims``.
    public static let claims = Layer("claims")
}

/// The key under which a stage written outside `DossierCore` keeps its own layer in a ``Document``: the layer's name and
/// the type of its value.
///
/// ```swift
/// enum QuoteCounts: LayerKey {
///     static let layer = Layer.quoteCounts
///     typealias Value = [String: Int]
/// }
///
/// document[QuoteCounts.self] = ["Sergei Shoigu": 2]  // in the stage's run(_:)
/// document[QuoteCounts.self]?["Sergei Shoigu"]       // 2, once the pipeline has run
/// ```
public protocol LayerKey {
    /// The layer the value belongs to, named in the stage's ``Stage/assigns``.
    static var layer: Layer { get }
    /// What the stage finds in one document.
    associatedtype Value: Sendable
}

extension Document {
    /// The value a stage keeps under `key`, or nil before it runs.
    public subscript<Key: LayerKey>(_ key: Key.Type) -> Key.Value? {
        get { ownLayers[Key.layer] as? Key.Value }
        set { ownLayers[Key.layer] = newValue }
    }
}
