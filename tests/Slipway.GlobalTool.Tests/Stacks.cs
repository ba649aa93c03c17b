using Slipway.Containers.Stacks;

namespace Slipway.GlobalTool.Tests;

/// <summary>Stacks as <c>docker compose config</c> (2.26) prints them, read by the project's StackLoader.</summary>
internal static class Stacks
{
    /// <summary>
    /// From: web (build, ports 8080:80, 127.0.0.1::9090, 5353:53/udp, a healthcheck), db (healthcheck: pg_isready -U app),
    /// cache (healthcheck [CMD, redis-cli, ping]), dns (53/udp only), worker (healthcheck disable), off (test [NONE]),
    /// job (nothing), image-health (interval only), vars (a healthcheck reading $${PGUSER}),
    /// dollars (a healthcheck reading $$HOME: compose keeps the escape in its output).
    /// </summary>
    public const string Mixed = """
        name: cc
        services:
          cache:
            healthcheck:
              test:
                - CMD
                - redis-cli
                - ping
            image: redis
            networks:
              default: null
          db:
            healthcheck:
              test:
                - CMD-SHELL
                - pg_isready -U app
            image: postgres
            networks:
              default: null
          dollars:
            healthcheck:
              test:
                - CMD-SHELL
                - test -n "$$HOME"
            image: d
            networks:
              default: null
          dns:
            image: dns
            networks:
              default: null
            ports:
              - mode: ingress
                target: 53
                published: "5353"
                protocol: udp
          image-health:
            healthcheck:
              interval: 5s
            image: h
            networks:
              default: null
          job:
            image: j
            networks:
              default: null
          "off":
            healthcheck:
              test:
                - NONE
            image: o
            networks:
              default: null
          vars:
            healthcheck:
              test:
                - CMD-SHELL
                - pg_isready -U $${PGUSER}
            image: v
            networks:
              default: null
          web:
            build:
              context: /tmp/cc
              dockerfile: Dockerfile
            healthcheck:
              test:
                - CMD
                - "true"
            networks:
              default: null
            ports:
              - mode: ingress
                target: 80
                published: "8080"
                protocol: tcp
              - mode: ingress
                host_ip: 127.0.0.1
                target: 9090
                protocol: tcp
              - mode: ingress
                target: 53
                published: "5353"
                protocol: udp
          worker:
            healthcheck:
              disable: true
            image: w
            networks:
              default: null
        networks:
          default:
            name: cc_default

        """;

    /// <summary>A stack with nothing to check: one service, no port, no healthcheck.</summary>
    public const string Silent = """
        name: quiet
        services:
          job:
            image: j
            networks:
              default: null
        networks:
          default:
            name: quiet_default

        """;

    public static StackDefinition Load(string composeConfig) => StackLoader.Parse(composeConfig);
}
