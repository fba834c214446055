import BankCore

/// HTML built in Swift: literal text is markup, every interpolated `String` is escaped, nested `Markup` is not.
/// So a page cannot carry a person's input as markup by mistake, and the compiler checks every page.
public struct Markup: Sendable, ExpressibleByStringInterpolation, CustomStringConvertible {
    public private(set) var html: String

    public init(stringLiteral value: String) { html = value }
    public init(stringInterpolation: Interpolation) { html = stringInterpolation.html }
    init(raw: String) { html = raw }

    public var description: String { html }

    public struct Interpolation: StringInterpolationProtocol {
        var html = ""
        public init(literalCapacity: Int, interpolationCount: Int) { html.reserveCapacity(literalCapacity * 2) }
        public mutating func appendLiteral(_ literal: String) { html += literal }
        public mutating func appendInterpolation(_ text: String) { html += Markup.escape(text) }
        public mutating func appendInterpolation(_ text: String?) { html += Markup.escape(text ?? "") }
        public mutating func appendInterpolation(_ markup: Markup) { html += markup.html }
        public mutating func appendInterpolation(_ markups: [Markup]) { html += markups.map(\.html).joined() }
        public mutating func appendInterpolation(_ number: Int) { html += String(number) }
        public mutating func appendInterpolation(_ number: Int64) { html += String(number) }
    }

    static func escape(_ text: String) -> String { MarkupText.escaped(text) }

    /// `markup` when the condition holds, nothing otherwise.
    static func when(_ condition: Bool, _ markup: @autoclosure () -> Markup) -> Markup { condition ? markup() : "" }
}
