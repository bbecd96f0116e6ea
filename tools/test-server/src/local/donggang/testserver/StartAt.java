package local.donggang.testserver;

import io.grpc.Grpc;
import io.grpc.InsecureServerCredentials;
import io.grpc.Server;
import io.grpc.ServerBuilder;
import io.temporal.internal.testservice.GRPCServerHelper;
import io.temporal.internal.testservice.TestServicesStarter;
import java.time.Instant;

/**
 * The Temporal time-skipping test server, started at a chosen simulated instant.
 *
 * <p>Same as {@code io.temporal.testserver.TestServer} (port-bound, time skipping locked unless
 * {@code --enable-time-skipping}), except that the clock starts at {@code --start-at=<instant>}
 * (ISO-8601, e.g. 2026-03-02T01:00:00Z, or epoch milliseconds) instead of the machine's time:
 * it builds {@code TestServicesStarter(lockTimeSkipping, initialTimeMillis)}, as the Java SDK's
 * {@code TestEnvironmentOptions.setInitialTime} does.
 *
 * <p>Usage: {@code StartAt <port> [--enable-time-skipping] --start-at=<instant>}. Compiled by
 * {@code npm run setup} (infra/tools.ts) against the jars of tools/test-server/pom.xml.
 */
public final class StartAt {
  private StartAt() {}

  static long parseInstant(String text) {
    if (text.matches("-?\\d+")) return Long.parseLong(text);
    return Instant.parse(text).toEpochMilli();
  }

  public static void main(String[] args) throws Exception {
    if (args.length < 1) {
      usage("missing <port>");
      return;
    }
    int port = Integer.parseInt(args[0]);
    boolean enableTimeSkipping = false;
    Long initialTimeMillis = null;
    for (int i = 1; i < args.length; i++) {
      String arg = args[i];
      if (arg.equalsIgnoreCase("--enable-time-skipping")) {
        enableTimeSkipping = true;
      } else if (arg.startsWith("--start-at=")) {
        initialTimeMillis = parseInstant(arg.substring("--start-at=".length()));
      } else {
        usage("unknown flag " + arg);
        return;
      }
    }
    if (initialTimeMillis == null || initialTimeMillis <= 0) {
      usage("missing or invalid --start-at");
      return;
    }

    // 0 would mean "now"; anything else is the simulated clock's starting instant.
    TestServicesStarter services = new TestServicesStarter(!enableTimeSkipping, initialTimeMillis);
    ServerBuilder<?> builder = Grpc.newServerBuilderForPort(port, InsecureServerCredentials.create());
    GRPCServerHelper.registerServicesAndHealthChecks(services.getServices(), builder);
    Server server = builder.build().start();
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  server.shutdownNow();
                  services.close();
                }));
    server.awaitTermination();
  }

  private static void usage(String problem) {
    System.err.println("StartAt: " + problem);
    System.err.println(
        "Usage: StartAt <port> [--enable-time-skipping] --start-at=<ISO-8601 instant | epoch ms>");
    System.exit(2);
  }
}
