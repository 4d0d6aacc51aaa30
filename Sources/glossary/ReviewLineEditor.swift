import GlossaryKit

/// A one-line editor for the review screen: pre-filled text, left/right,
/// home/end (also Ctrl-A/Ctrl-E), backspace/delete; enter accepts, esc cancels.
struct ReviewLineEditor {
  var text: [Character]
  var cursor: Int

  init(_ initial: String) {
    text = Array(initial)
    cursor = text.count
  }

  enum Result: Equatable {
    case editing, done(String), cancelled, interrupted
  }

  /// Applies one key.
  mutating func handle(_ key: ReviewKey) -> Result {
    switch key {
    case .enter: return .done(String(text))
    case .escape: return .cancelled
    case .interrupt, .eof: return .interrupted
    case .left: cursor = max(0, cursor - 1)
    case .right: cursor = min(text.count, cursor + 1)
    case .home: cursor = 0
    case .end: cursor = text.count
    case .backspace:
      if cursor > 0 {
        text.remove(at: cursor - 1)
        cursor -= 1
      }
    case .delete:
      if cursor < text.count { text.remove(at: cursor) }
    case .char(let c):
      text.insert(c, at: cursor)
      cursor += 1
    case .unknown: break
    }
    return .editing
  }

  /// Redraws the line in place: prompt, text, cursor at its column.
  func render(prompt: String) -> String {
    let column = ReviewLineEditor.width(prompt) + ReviewLineEditor.width(String(text[..<cursor]))
    return "\r\u{1B}[K" + prompt + String(text) + "\r" + (column > 0 ? "\u{1B}[\(column)C" : "")
  }

  /// Display columns of a string: East Asian wide characters take two (``CharacterClass/columns(of:)``).
  static func width(_ s: String) -> Int { CharacterClass.columns(of: s) }
}
