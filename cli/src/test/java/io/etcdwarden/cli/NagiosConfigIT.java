package io.etcdwarden.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The service definition {@code nrpe install} exports, validated by the real {@code nagios4 -v}. */
class NagiosConfigIT {
  @TempDir Path tmp;

  @Test
  void exportedServiceValidatesWithNagios() throws Exception {
    install("prod", "");

    Validation result = validate("prod");

    assertThat(result.exitCode()).as(result.output()).isZero();
    // check_etcd_cluster and, with backup.target set, check_etcd_backup
    assertThat(result.output()).contains("Checked 2 services.")
        .contains("Things look okay");
  }

  @Test
  void servicegroupNagiosDoesNotKnowFailsValidation() throws Exception {
    install("prod", "etcd-nowhere");

    Validation result = validate("prod");

    assertThat(result.exitCode()).as(result.output()).isNotZero();
    assertThat(result.output()).contains("etcd-nowhere");
  }

  private void install(String context, String servicegroups) throws IOException {
    Path config = Files.writeString(tmp.resolve("warden.yaml"),
        "backup:\n  target: file:///mnt/etcd-backups\n");
    CliRun run = CliRun.run(Map.of(), "nrpe", "install", "--config", config.toString(),
        "--endpoints",
        "https://10.0.0.1:2379", "--plugin", "/opt/etcd-warden/bin/check_etcd_cluster",
        "--nrpe-dir", tmp.resolve("nrpe.d").toString(),
        "--export-dir", tmp.resolve("export").toString(),
        "--credentials-dir", tmp.resolve("credentials").toString(),
        "--nrpe-user", System.getProperty("user.name"),
        "--nagios-context", context, "--nagios-servicegroups", servicegroups,
        "--unit-name", "etcd/0");
    assertThat(run.exitCode()).as(run.toString()).isZero();
  }

  private Validation validate(String servicegroup) throws IOException, InterruptedException {
    // nagios4 reads its config as user nagios, as it does on a Nagios server.
    Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rwxr-xr-x"));
    Path var = Files.createDirectories(tmp.resolve("var/checkresults")).getParent();
    var users = var.getFileSystem().getUserPrincipalLookupService();
    Files.setOwner(var, users.lookupPrincipalByName("nagios"));
    Files.setOwner(var.resolve("checkresults"), users.lookupPrincipalByName("nagios"));
    Files.writeString(tmp.resolve("objects.cfg"), objects(servicegroup));
    Files.writeString(tmp.resolve("resource.cfg"), "$USER1$=/usr/lib/nagios/plugins\n");
    Path main = Files.writeString(tmp.resolve("nagios.cfg"), String.join("\n",
        "log_file=" + tmp.resolve("nagios.log"),
        "cfg_file=" + tmp.resolve("objects.cfg"),
        "cfg_dir=" + tmp.resolve("export"),
        "resource_file=" + tmp.resolve("resource.cfg"),
        "object_cache_file=" + tmp.resolve("objects.cache"),
        "precached_object_file=" + tmp.resolve("objects.precache"),
        "status_file=" + tmp.resolve("status.dat"),
        "temp_file=" + tmp.resolve("nagios.tmp"),
        "temp_path=" + var,
        "lock_file=" + tmp.resolve("nagios.lock"),
        "command_file=" + tmp.resolve("nagios.cmd"),
        "check_result_path=" + var.resolve("checkresults"),
        "illegal_macro_output_chars=`~$&|'\"<>",
        "nagios_user=nagios", "nagios_group=nagios", ""));
    Process nagios = new ProcessBuilder("/usr/sbin/nagios4", "-v", main.toString())
        .redirectErrorStream(true).start();
    String output = new String(nagios.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(nagios.waitFor(30, TimeUnit.SECONDS)).as("nagios4 -v finished").isTrue();
    return new Validation(nagios.exitValue(), output);
  }

  /** The least a Nagios server defines around collected exports: host, templates, contact. */
  private static String objects(String servicegroup) {
    return """
        define timeperiod {
            timeperiod_name 24x7
            alias 24x7
            monday 00:00-24:00
        }
        define command {
            command_name notify-nobody
            command_line /bin/true
        }
        define command {
            command_name check_nrpe
            command_line $USER1$/check_nrpe -H $HOSTADDRESS$ -c $ARG1$
        }
        define contact {
            contact_name oncall
            host_notifications_enabled 0
            service_notifications_enabled 0
            host_notification_period 24x7
            service_notification_period 24x7
            host_notification_options n
            service_notification_options n
            host_notification_commands notify-nobody
            service_notification_commands notify-nobody
        }
        define host {
            host_name prod-etcd-0
            address 127.0.0.1
            max_check_attempts 3
            check_period 24x7
            contacts oncall
            notification_interval 0
            notification_period 24x7
        }
        define service {
            name active-service
            register 0
            max_check_attempts 3
            check_interval 5
            retry_interval 1
            check_period 24x7
            notification_interval 0
            notification_period 24x7
            contacts oncall
        }
        define servicegroup {
            servicegroup_name %s
        }
        """.formatted(servicegroup);
  }

  private record Validation(int exitCode, String output) {}
}
