using System.Globalization;

namespace Veridian.Pkg.Repository;

/// <summary>
/// The nginx configuration that serves a repository folder on 127.0.0.1 (<c>veridian pkg repo serve</c> and the HTTP
/// tests): static files only, every path with a component starting with a dot refused (<c>.staged/</c>, temp files),
/// one nginx process as the invoking user (no master/worker split, so no switch to <c>nobody</c>, who may not read the folder),
/// all of nginx's own files (pid, logs, temp folders) in the run folder given to <see cref="Write"/>.
/// </summary>
public static class NginxConfig
{
    public static string Write(string repoDir, int port, string runDir)
    {
        Directory.CreateDirectory(runDir);
        var root = Path.GetFullPath(repoDir);
        var run = Path.GetFullPath(runDir);
        var text = string.Create(CultureInfo.InvariantCulture, $$"""
            daemon off;
            master_process off;
            pid {{run}}/nginx.pid;
            error_log {{run}}/error.log warn;
            events { worker_connections 128; }
            http {
              access_log off;
              sendfile on;
              client_body_temp_path {{run}}/body;
              proxy_temp_path {{run}}/proxy;
              fastcgi_temp_path {{run}}/fastcgi;
              uwsgi_temp_path {{run}}/uwsgi;
              scgi_temp_path {{run}}/scgi;
              types { application/json json; application/octet-stream vpkg; }
              default_type application/octet-stream;
              server {
                listen 127.0.0.1:{{port}};
                root {{root}};
                autoindex off;
                location ~ /\. { return 404; }
                location / { try_files $uri =404; }
              }
            }

            """);
        var path = Path.Combine(run, "nginx.conf");
        File.WriteAllText(path, text);
        return path;
    }
}
