// Placeholder: replaced by the issue that builds this benchmark.
func benchWordAlign(_ args: [String]) throws { print("not built yet") }
