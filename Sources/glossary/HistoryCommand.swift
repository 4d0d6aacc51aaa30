import ArgumentParser
import GlossaryKit

// Placeholder: replaced by the issue that builds this subcommand.
struct HistoryCommand: ParsableCommand {
  static let configuration = CommandConfiguration(commandName: "history", abstract: "Show how a term has been rendered over time (not built yet)", shouldDisplay: false)
  func run() throws { throw ValidationError("'glossary history' is not built yet") }
}
