import Foundation
import TestSupport
#if canImport(Glibc)
import Glibc
#endif

/// A single-node Slurm cluster on loopback for the tests: its own munged, slurmctld and
/// slurmd, with key, configuration, state, spool and logs in one temporary folder and
/// ports that were free, so it touches no system Slurm or munge and several test runs can
/// each have one at once. Every daemon runs under `timeout`, so a daemon outliving a
/// crashed test ends by itself; `stop()` ends them by process id.
final class SlurmCluster {
    /// The longest a daemon may live, in seconds: well above the test's own running time.
    static let lifetime = 300

    /// The folder holding everything the cluster writes.
    let folder: URL
    /// The environment for Slurm's client commands and, through sbatch's default
    /// `--export=ALL`, for the jobs: `SLURM_CONF` and `PATH` (with `binaries` first).
    let environment: [String: String]
    /// `slurm-wlm X.Y.Z`, as `sbatch --version` prints it.
    private(set) var version = ""
    private var daemons: [(name: String, process: Process)] = []
    private let node = "estate-node"

    /// Why this machine cannot run the cluster, or nil when it can.
    static func unavailableReason() -> String? {
        let tools = ["munged", "slurmctld", "slurmd", "sbatch", "scontrol", "scancel", "squeue", "sinfo"]
        let missing = tools.filter { CommandRun.find($0) == nil }
        if !missing.isEmpty {
            return "Slurm is not installed here (no \(missing.joined(separator: ", "))); "
                + "bin/ensure-deps --test installs Debian's slurm-wlm and munge with apt-get"
        }
        if getuid() != 0 {
            return "the test cluster runs its daemons and jobs as root (SlurmUser=root); run the tests as root"
        }
        return nil
    }

    /// Starts the cluster in `folder` (created) and waits until its node is idle.
    /// `binaries` goes first on the jobs' `PATH`.
    init(folder: URL, binaries: URL) throws {
        self.folder = folder
        var environment = ProcessInfo.processInfo.environment.filter {
            !$0.key.hasPrefix("SLURM_") && !$0.key.hasPrefix("SBATCH_") && !$0.key.hasPrefix("SQUEUE_")
                && $0.key != "JOB_COMPLETION_INDEX"
        }
        environment["SLURM_CONF"] = folder.appendingPathComponent("slurm.conf").path
        environment["PATH"] = binaries.path + ":" + (environment["PATH"] ?? "/usr/bin:/bin")
        self.environment = environment
        do {
            try start()
        } catch {
            stop()
            throw error
        }
    }

    /// Runs a Slurm client command (`sbatch`, `squeue`, ...) against this cluster.
    func run(_ tool: String, _ arguments: [String], in directory: URL? = nil, seconds: Int = 30) throws -> CommandRun {
        guard let executable = CommandRun.find(tool) else { throw SlurmClusterError.notStarted("no \(tool)") }
        return try CommandRun.run(URL(fileURLWithPath: executable), arguments, in: directory, environment: environment,
                                  timeout: TimeInterval(seconds))
    }

    /// Cancels any job still in the cluster, then ends each daemon by its process id
    /// (TERM, then KILL to its process group); waits for each to exit. Safe to call twice.
    func stop() {
        if daemons.contains(where: { $0.name == "slurmctld" && $0.process.isRunning }) {
            _ = try? run("scancel", ["--user=\(String(cString: getpwuid(getuid()).pointee.pw_name))"], seconds: 10)
            _ = waitUntil(seconds: 15) { (try? self.run("squeue", ["-h", "-o", "%i"], seconds: 5).stdout.isEmpty) ?? true }
        }
        for (_, process) in daemons.reversed() where process.isRunning {
            process.terminate()
            if !waitUntil(seconds: 10, { !process.isRunning }) {
                // `timeout` leads its own process group, which holds the daemon.
                kill(-process.processIdentifier, SIGKILL)
                _ = waitUntil(seconds: 5) { !process.isRunning }
            }
        }
        daemons.removeAll()
    }

    /// The last lines of every daemon's log, for a failure message.
    func logTails() -> String {
        ["munged.log", "slurmctld.log", "slurmd.log", "munged.out", "slurmctld.out", "slurmd.out"].map { name in
            let text = (try? String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)) ?? "(none)"
            return "--- \(name)\n" + text.split(separator: "\n").suffix(15).joined(separator: "\n")
        }.joined(separator: "\n")
    }

    private func start() throws {
        let files = FileManager.default
        // munged insists that its socket's folder is searchable by all and its key private.
        try files.createDirectory(at: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o755])
        let keyFolder = folder.appendingPathComponent("munge")
        try files.createDirectory(at: keyFolder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        for name in ["state", "spool"] {
            try files.createDirectory(at: folder.appendingPathComponent(name), withIntermediateDirectories: true)
        }
        var generator = SystemRandomNumberGenerator()
        let key = keyFolder.appendingPathComponent("munge.key")
        try Data((0 ..< 128).map { _ in UInt8.random(in: 0 ... 255, using: &generator) }).write(to: key)
        try files.setAttributes([.posixPermissions: 0o600], ofItemAtPath: key.path)

        let socket = folder.appendingPathComponent("munge.socket").path
        try launch("munged", [
            "--foreground", "--key-file=\(key.path)", "--socket=\(socket)",
            "--pid-file=\(keyFolder.path)/munged.pid", "--seed-file=\(keyFolder.path)/munged.seed",
            "--log-file=\(folder.path)/munged.log",
        ])
        guard waitUntil(seconds: 10, { files.fileExists(atPath: socket) }) else {
            throw SlurmClusterError.notStarted("munged made no socket within 10 s\n\(logTails())")
        }

        try configuration(mungeSocket: socket).write(to: folder.appendingPathComponent("slurm.conf"),
                                                       atomically: true, encoding: .utf8)
        version = try run("sbatch", ["--version"]).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        try launch("slurmctld", ["-D", "-i"])
        try launch("slurmd", ["-D", "-N", node])
        let idle = waitUntil(seconds: 30) {
            (try? self.run("sinfo", ["-h", "-n", self.node, "-o", "%t"], seconds: 5).stdout)?.hasPrefix("idle") ?? false
        }
        guard idle else { throw SlurmClusterError.notStarted("node \(node) not idle within 30 s\n\(logTails())") }
    }

    /// slurm.conf for one node on loopback: everything root, no cgroups (containers
    /// rarely allow them), processes tracked through /proc, no accounting database.
    private func configuration(mungeSocket: String) throws -> String {
        let host = shortHostName()
        let ports = try freeLoopbackPorts(2)
        // The node's real hardware as slurmd itself reports it, so slurmd does not drain
        // the node for claiming more than it has; only the name is ours.
        let hardware = try run("slurmd", ["-C"]).stdout.split(separator: "\n").first.map(String.init) ?? ""
        let resources = hardware.split(separator: " ").filter { !$0.hasPrefix("NodeName=") }.joined(separator: " ")
        let path = folder.path
        return """
            ClusterName=estate-test
            SlurmctldHost=\(host)(127.0.0.1)
            SlurmctldPort=\(ports[0])
            SlurmdPort=\(ports[1])
            SlurmUser=root
            SlurmdUser=root
            AuthType=auth/munge
            AuthInfo=socket=\(mungeSocket)
            CredType=cred/munge
            StateSaveLocation=\(path)/state
            SlurmdSpoolDir=\(path)/spool
            SlurmctldPidFile=\(path)/slurmctld.pid
            SlurmdPidFile=\(path)/slurmd.pid
            SlurmctldLogFile=\(path)/slurmctld.log
            SlurmdLogFile=\(path)/slurmd.log
            ProctrackType=proctrack/linuxproc
            TaskPlugin=task/none
            JobAcctGatherType=jobacct_gather/none
            AccountingStorageType=accounting_storage/none
            MpiDefault=none
            SchedulerType=sched/backfill
            SelectType=select/cons_tres
            SelectTypeParameters=CR_CPU
            ReturnToService=2
            NodeName=\(node) NodeHostname=\(host) NodeAddr=127.0.0.1 \(resources) State=UNKNOWN
            PartitionName=estate Nodes=\(node) Default=YES MaxTime=INFINITE State=UP

            """
    }

    /// Starts `daemon` in the foreground under `timeout`, its output in `<daemon>.out`.
    private func launch(_ daemon: String, _ arguments: [String]) throws {
        guard let executable = CommandRun.find(daemon) else { throw SlurmClusterError.notStarted("no \(daemon)") }
        let output = folder.appendingPathComponent("\(daemon).out")
        try Data().write(to: output)
        let handle = try FileHandle(forWritingTo: output)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/timeout")
        process.arguments = ["--kill-after=5", String(Self.lifetime), executable] + arguments
        process.environment = environment
        process.standardOutput = handle
        process.standardError = handle
        process.standardInput = FileHandle.nullDevice
        try process.run()
        daemons.append((daemon, process))
    }

    /// slurmctld only runs on the host named by SlurmctldHost, matched without domain.
    private func shortHostName() -> String {
        let name = ProcessInfo.processInfo.hostName
        return String(name.split(separator: ".").first ?? Substring(name))
    }

    /// Ports the kernel hands out as free on 127.0.0.1, released again for the daemons.
    private func freeLoopbackPorts(_ count: Int) throws -> [Int] {
        var sockets: [Int32] = []
        defer { sockets.forEach { close($0) } }
        return try (0 ..< count).map { _ in
            let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
            guard fd >= 0 else { throw SlurmClusterError.notStarted("no socket for a free port") }
            sockets.append(fd)
            var address = sockaddr_in()
            address.sin_family = sa_family_t(AF_INET)
            address.sin_addr.s_addr = inet_addr("127.0.0.1")
            address.sin_port = 0
            var length = socklen_t(MemoryLayout<sockaddr_in>.size)
            let bound = withUnsafeMutablePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                    bind(fd, $0, length) == 0 && getsockname(fd, $0, &length) == 0
                }
            }
            guard bound else { throw SlurmClusterError.notStarted("could not bind a free port") }
            return Int(UInt16(bigEndian: address.sin_port))
        }
    }
}

enum SlurmClusterError: Error, CustomStringConvertible {
    case notStarted(String)
    case noJobID(String)
    var description: String {
        switch self {
        case .notStarted(let why): "the test Slurm cluster did not start: \(why)"
        case .noJobID(let why): "sbatch printed no job id: \(why)"
        }
    }
}

/// Polls `condition` every 0.2 s for at most `seconds`; whether it became true.
func waitUntil(seconds: Double, _ condition: () -> Bool) -> Bool {
    let deadline = Date().addingTimeInterval(seconds)
    while Date() < deadline {
        if condition() { return true }
        Thread.sleep(forTimeInterval: 0.2)
    }
    return condition()
}
