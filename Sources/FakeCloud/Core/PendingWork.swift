/// Work a service finishes after it has answered (scheduling, creating on a back end): it runs
/// once virtual time passes its due time, in the order it was due.
struct PendingWork {
  var due: Int64
  var run: @Sendable (inout CloudState) -> Void
}

extension CloudState {
  /// Schedules `work` to run `delay` microseconds from now.
  mutating func after(_ delay: Int64, _ work: @escaping @Sendable (inout CloudState) -> Void) {
    pending.append(PendingWork(due: clock.now + delay, run: work))
  }

  /// Runs the work that is due, each at its own time.
  mutating func runDueWork() {
    let now = clock.now
    while let index = nextDue(at: now) {
      let work = pending.remove(at: index)
      let resume = clock.now
      clock.set(work.due)
      work.run(&self)
      clock.set(resume)
    }
  }

  /// The place of the work due soonest by `now` (the first of those due at once), if any: found
  /// without copying the list, since every request asks and most find none.
  private func nextDue(at now: Int64) -> Int? {
    var found: Int?
    for index in pending.indices where pending[index].due <= now {
      if let soonest = found, pending[soonest].due <= pending[index].due { continue }
      found = index
    }
    return found
  }
}
