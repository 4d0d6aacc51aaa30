// Placeholder: replaced by the issue that builds this benchmark.
func benchLookup(_ args: [String]) throws { print("not built yet") }
