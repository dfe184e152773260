//! How long each stage of a build takes, its CPU time and the peak memory so
//! far, printed to stderr when `SHOWCASE_PROFILE` is set; and giving memory
//! freed in bulk back to the system between stages.

use std::time::Instant;

/// How long each stage took, printed to stderr when SHOWCASE_PROFILE is set.
pub struct Stages {
    enabled: bool,
    last: Instant,
    last_cpu: Option<f64>,
    /// Each stage: its name, wall seconds, CPU seconds (all threads) and the peak memory so far.
    marks: Vec<(&'static str, f64, Option<f64>, Option<u64>)>,
    notes: Vec<String>,
}

impl Stages {
    pub fn new(started: Instant) -> Self {
        let enabled = std::env::var_os("SHOWCASE_PROFILE").is_some();
        Stages {
            enabled,
            last: started,
            last_cpu: enabled.then(cpu_seconds).flatten(),
            marks: Vec::new(),
            notes: Vec::new(),
        }
    }

    pub fn mark(&mut self, stage: &'static str) {
        if self.enabled {
            let now = Instant::now();
            let cpu = cpu_seconds();
            let spent = cpu.zip(self.last_cpu).map(|(now, then)| now - then);
            self.marks
                .push((stage, (now - self.last).as_secs_f64(), spent, peak_memory_mib()));
            self.last = now;
            self.last_cpu = cpu;
        }
    }

    /// A line for the report: how much of the work a cache saved.
    pub fn note(&mut self, note: impl FnOnce() -> String) {
        if self.enabled {
            self.notes.push(note());
        }
    }

    pub fn report(&self) {
        for note in &self.notes {
            eprintln!("showcase: {note}");
        }
        for (stage, seconds, cpu, peak) in &self.marks {
            let cpu = cpu
                .map(|cpu| format!("  cpu {cpu:>7.3} s = {:.2} cores", cpu / seconds.max(1e-6)))
                .unwrap_or_default();
            let peak = peak
                .map(|mib| format!("  (peak memory so far {mib} MiB)"))
                .unwrap_or_default();
            eprintln!("showcase: {seconds:>8.3} s{cpu}  {stage}{peak}");
        }
    }
}

/// Returns memory freed in bulk (the sources, the pages' HTML) to the system.
/// mimalloc, the program's allocator, does so by itself; glibc's malloc (the
/// highlighter's regex library's, and everything's where showcase is used as a
/// library) keeps freed memory in each thread's arena, where the next stage's
/// threads may not reuse it: without this, the peak would count it twice.
pub fn give_back_memory() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: malloc_trim only releases free memory of the allocator's own arenas.
    unsafe {
        libc::malloc_trim(0);
    }
}

/// The CPU time the process has used so far, all threads, user and system.
fn cpu_seconds() -> Option<f64> {
    #[cfg(unix)]
    {
        let mut usage = std::mem::MaybeUninit::<libc::rusage>::zeroed();
        // SAFETY: getrusage fills the struct it is given; it is read only on success.
        let usage = unsafe {
            if libc::getrusage(libc::RUSAGE_SELF, usage.as_mut_ptr()) != 0 {
                return None;
            }
            usage.assume_init()
        };
        let seconds = |t: libc::timeval| t.tv_sec as f64 + t.tv_usec as f64 / 1e6;
        Some(seconds(usage.ru_utime) + seconds(usage.ru_stime))
    }
    #[cfg(not(unix))]
    None
}

/// The process's peak resident memory so far, where the system tells (Linux).
fn peak_memory_mib() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kib: u64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kib / 1024)
}
