<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr" sourcelanguage="en">
<context>
    <name></name>
    <message>
        <location filename="../../widgets/workspace/workspacefile.cpp" line="+42"/>
        <source>not a workspace file: JSON syntax error at line %1, column %2 (byte %3): %4</source>
        <translation>pas un fichier d&apos;espace de travail : erreur de syntaxe JSON ligne %1, colonne %2 (octet %3) : %4</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>version 1 gives the listener as service, protocol, bind and port, not both</source>
        <translation>la version 1 décrit le point d&apos;écoute par service, protocol, bind et port, pas les deux à la fois</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>version 1 gives &quot;sends&quot; or a script, not both</source>
        <translation>la version 1 donne &quot;sends&quot; ou un script, pas les deux à la fois</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>expected a list of texts, got %1</source>
        <translation>on attendait une liste de textes, on a trouvé %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <location filename="../../widgets/workspace/workspacejsonclient.cpp" line="+67"/>
        <location filename="../../widgets/workspace/workspacejsonserver.cpp" line="+135"/>
        <source>expected a text, got %1</source>
        <translation>on attendait un texte, on a trouvé %1</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>another server is already named &apos;%1&apos;</source>
        <translation>un autre serveur s&apos;appelle déjà « %1 »</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>a server or another relay is already named &apos;%1&apos;</source>
        <translation>un serveur ou un autre relais s&apos;appelle déjà « %1 »</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>no server is named &apos;%1&apos;</source>
        <translation>aucun serveur ne s&apos;appelle « %1 »</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>another client is already named &apos;%1&apos;</source>
        <translation>un autre client s&apos;appelle déjà « %1 »</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>no server or relay is named &apos;%1&apos;</source>
        <translation>aucun serveur ni relais ne s&apos;appelle « %1 »</translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>%1 is out of range: &apos;%2&apos; has %n listener(s)</source>
        <translation>
            <numerusform>%1 est hors limites : « %2 » a %n point d&apos;écoute</numerusform>
            <numerusform>%1 est hors limites : « %2 » a %n points d&apos;écoute</numerusform>
        </translation>
    </message>
    <message>
        <location line="+56"/>
        <source>version: missing (this Socket Workbench reads versions 1 to %1)</source>
        <translation>version : absente (ce Socket Workbench lit les versions 1 à %1)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>version: %1 is not a version (1 to %2)</source>
        <translation>version : %1 n&apos;est pas une version (1 à %2)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>version: made by a newer Socket Workbench (version %1); this one reads up to %2</source>
        <translation>version : fichier créé par un Socket Workbench plus récent (version %1) ; celui-ci lit jusqu&apos;à la version %2</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>upgraded from version %1</source>
        <translation>mis à niveau depuis la version %1</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>not a workspace file: it is empty</source>
        <translation>pas un fichier d&apos;espace de travail : il est vide</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>not a workspace file: the document is a list, not an object</source>
        <translation>pas un fichier d&apos;espace de travail : le document est une liste, pas un objet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>not a workspace file: the document is not a JSON object</source>
        <translation>pas un fichier d&apos;espace de travail : le document n&apos;est pas un objet JSON</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>format: missing; a workspace file says &quot;format&quot;: &quot;%1&quot;</source>
        <translation>format : absent ; un fichier d&apos;espace de travail indique &quot;format&quot;: &quot;%1&quot;</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>format: %1 is not a workspace file&apos;s (expected &quot;%2&quot;)</source>
        <translation>format : %1 n&apos;est pas celui d&apos;un fichier d&apos;espace de travail (&quot;%2&quot; attendu)</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>cannot save %1: %2</source>
        <translation>impossible d&apos;enregistrer %1 : %2</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>cannot open %1: %2</source>
        <translation>impossible d&apos;ouvrir %1 : %2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>cannot open %1: %2 bytes is too large for a workspace file</source>
        <translation>impossible d&apos;ouvrir %1 : %2 octets, c&apos;est trop pour un fichier d&apos;espace de travail</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>cannot read %1: %2</source>
        <translation>impossible de lire %1 : %2</translation>
    </message>
    <message>
        <location filename="../../widgets/workspace/workspacejsonclient.cpp" line="+6"/>
        <location line="+2"/>
        <location filename="../../widgets/workspace/workspacejsonserver.cpp" line="+29"/>
        <location line="+2"/>
        <source>version</source>
        <translation>version</translation>
    </message>
    <message>
        <location line="+2"/>
        <location filename="../../widgets/workspace/workspacejsonserver.cpp" line="+2"/>
        <source>the lowest version is above the highest</source>
        <translation>la version minimale est supérieure à la version maximale</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>expected an object, got %1</source>
        <translation>on attendait un objet, on a trouvé %1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1: unknown key, ignored</source>
        <translation>%1 : clé inconnue, ignorée</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>a text</source>
        <translation>un texte</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>true or false</source>
        <translation>true ou false</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a number</source>
        <translation>un nombre</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a list</source>
        <translation>une liste</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>expected %1, got %2</source>
        <translation>on attendait %1, on a trouvé %2</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>missing (%1)</source>
        <translation>absent (%1)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>kind</source>
        <translation>type</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>give either &quot;bytes&quot; or &quot;bytes_escaped&quot;, not both</source>
        <translation>donnez soit &quot;bytes&quot;, soit &quot;bytes_escaped&quot;, pas les deux à la fois</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>an expect step needs the bytes it awaits (&quot;bytes&quot;)</source>
        <translation>une étape expect a besoin des octets qu&apos;elle attend (&quot;bytes&quot;)</translation>
    </message>
    <message>
        <location line="+47"/>
        <location filename="../../widgets/workspace/workspacejsonserver.cpp" line="-116"/>
        <source>protocol</source>
        <translation>protocole</translation>
    </message>
    <message>
        <location line="+5"/>
        <location filename="../../widgets/workspace/workspacejsonserver.cpp" line="+271"/>
        <source>I/O mode</source>
        <translation>mode d&apos;E/S</translation>
    </message>
    <message>
        <location line="+3"/>
        <location filename="../../widgets/workspace/workspacejsonserver.cpp" line="-209"/>
        <source>0 is out of range (1..%1)</source>
        <translation>0 est hors limites (1..%1)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>framing</source>
        <translation>délimitation</translation>
    </message>
    <message>
        <location filename="../../widgets/workspace/workspacejsonlab.cpp" line="+35"/>
        <source>expected a text or {&quot;en&quot;: ..., &quot;fr&quot;: ...}, got %1</source>
        <translation>on attendait un texte ou {&quot;en&quot;: ..., &quot;fr&quot;: ...}, on a trouvé %1</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>not base64</source>
        <translation>pas du base64</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>%1 names a choice, but there are none</source>
        <translation>%1 désigne un choix, mais il n&apos;y en a aucun</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 is out of range (-1..%2, an index in choices)</source>
        <translation>%1 est hors limites (-1..%2, un indice dans choices)</translation>
    </message>
    <message>
        <location line="+57"/>
        <source>expected [x, y, width, height] in pixels</source>
        <translation>on attendait [x, y, largeur, hauteur] en pixels</translation>
    </message>
    <message>
        <location filename="../../widgets/workspace/workspacejsonserver.cpp" line="-64"/>
        <source>service</source>
        <translation>service</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>&apos;%1&apos; is not HARD[,SOFT,SECONDS] with the soft limit below the hard one</source>
        <translation>« %1 » n&apos;est pas de la forme HARD[,SOFT,SECONDS] avec la limite souple inférieure à la limite stricte</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>the soft limit must be below the hard one (%1 bytes)</source>
        <translation>la limite souple doit être inférieure à la limite stricte (%1 octets)</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>terminator</source>
        <translation>terminaison</translation>
    </message>
    <message>
        <location line="+84"/>
        <source>give either &quot;bytes&quot; or &quot;ms&quot;</source>
        <translation>donnez soit &quot;bytes&quot;, soit &quot;ms&quot;</translation>
    </message>
    <message>
        <location line="+122"/>
        <source>a server needs at least one listener</source>
        <translation>un serveur a besoin d&apos;au moins un point d&apos;écoute</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>model</source>
        <translation>modèle</translation>
    </message>
    <message>
        <location line="+55"/>
        <source>relay protocol</source>
        <translation>protocole du relais</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>0 is out of range (1 or more)</source>
        <translation>0 est hors limites (1 ou plus)</translation>
    </message>
</context>
<context>
    <name>sockwb::ActivityCharts</name>
    <message>
        <location filename="../../widgets/server/activitycharts.cpp" line="+23"/>
        <source>active connections</source>
        <translation>connexions actives</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>in</source>
        <translation>reçus</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>out</source>
        <translation>envoyés</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+2"/>
        <source>HTTP requests/s</source>
        <translation>requêtes HTTP/s</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>Active connections</source>
        <translation>Connexions actives</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Bytes/s in and out</source>
        <translation>Octets/s reçus et envoyés</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>seconds ago</source>
        <translation>secondes écoulées</translation>
    </message>
</context>
<context>
    <name>sockwb::AddressText</name>
    <message>
        <location filename="../../widgets/addresses/addresstext.cpp" line="+18"/>
        <source>Offset</source>
        <translation>Décalage</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Field</source>
        <translation>Champ</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Bytes (hex)</source>
        <translation>Octets (hexa)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Value</source>
        <translation>Valeur</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 = %2 (host order)</source>
        <translation>%1 = %2 (ordre de l&apos;hôte)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 = htons(%1), network order; read without ntohs here: %2</source>
        <translation>%1 = htons(%1), ordre réseau ; lu sans ntohs ici : %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1: in network order; ntohl(s_addr) = %2</source>
        <translation>%1 : dans l&apos;ordre réseau ; ntohl(s_addr) = %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>padding up to sizeof(struct sockaddr): zeros</source>
        <translation>remplissage jusqu&apos;à sizeof(struct sockaddr) : des zéros</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 (network order)</source>
        <translation>%1 (ordre réseau)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>0: no interface (needed for link-local fe80::)</source>
        <translation>0 : aucune interface (nécessaire pour les adresses lien-local fe80::)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>interface index %1 (host order)</source>
        <translation>index d&apos;interface %1 (ordre de l&apos;hôte)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>struct %1, sizeof = %2 bytes</source>
        <translation>struct %1, sizeof = %2 octets</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>A valid IPv4 address: inet_pton wrote its 4 bytes into sin_addr.</source>
        <translation>Une adresse IPv4 valide : inet_pton a écrit ses 4 octets dans sin_addr.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A valid IPv6 address: inet_pton wrote its 16 bytes into sin6_addr.</source>
        <translation>Une adresse IPv6 valide : inet_pton a écrit ses 16 octets dans sin6_addr.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Not a valid IPv4 address: inet_pton returns 0 (each of the 4 numbers must be 0 to 255). Not a host name either: getaddrinfo is not asked.</source>
        <translation>Pas une adresse IPv4 valide : inet_pton renvoie 0 (chacun des 4 nombres doit être compris entre 0 et 255). Pas non plus un nom d&apos;hôte : getaddrinfo n&apos;est pas interrogé.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Not a valid IPv6 address: inet_pton returns 0. Not a host name either: getaddrinfo is not asked.</source>
        <translation>Pas une adresse IPv6 valide : inet_pton renvoie 0. Pas non plus un nom d&apos;hôte : getaddrinfo n&apos;est pas interrogé.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Not an address: a host name, which only getaddrinfo can turn into addresses.</source>
        <translation>Pas une adresse : un nom d&apos;hôte, que seul getaddrinfo peut convertir en adresses.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>%1 = %2: %3</source>
        <translation>%1 = %2 : %3</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%1 = 0: %n result(s)</source>
        <translation>
            <numerusform>%1 = 0 : %n résultat</numerusform>
            <numerusform>%1 = 0 : %n résultats</numerusform>
        </translation>
    </message>
    <message>
        <location line="+8"/>
        <source>, canonname &quot;%1&quot;</source>
        <translation>, canonname « %1 »</translation>
    </message>
</context>
<context>
    <name>sockwb::AddressesWindow</name>
    <message>
        <location filename="../../widgets/addresses/addresseswindow.cpp" line="+39"/>
        <source>Addresses</source>
        <translation>Adresses</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>An address and a port, or a host name: 127.0.0.1 8080, [::1]:80, localhost 80</source>
        <translation>Une adresse et un port, ou un nom d&apos;hôte : 127.0.0.1 8080, [::1]:80, localhost 80</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>How the socket API holds an address: the bytes of struct sockaddr_in (IPv4) or sockaddr_in6 (IPv6) in memory. The port is stored in network order (big-endian): htons(8080) gives the bytes 1f 90.</source>
        <translation>Comment l&apos;API socket stocke une adresse : les octets de struct sockaddr_in (IPv4) ou sockaddr_in6 (IPv6) en mémoire. Le port est stocké dans l&apos;ordre réseau (gros-boutiste) : htons(8080) donne les octets 1f 90.</translation>
    </message>
    <message>
        <location line="+72"/>
        <source>Filled by hand: inet_pton, then htons for the port</source>
        <translation>Rempli à la main : inet_pton, puis htons pour le port</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>getaddrinfo result %1</source>
        <translation>résultat %1 de getaddrinfo</translation>
    </message>
</context>
<context>
    <name>sockwb::ByteFormat</name>
    <message>
        <location filename="../../widgets/common/byteformat.cpp" line="+27"/>
        <source>A backslash ends the text: write \\ for a backslash.</source>
        <translation>Le texte se termine par une barre oblique inverse&#xa0;: écrivez \\ pour une barre oblique inverse.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>\x needs two hex digits, as in \x0a (position %1).</source>
        <translation>\x attend deux chiffres hexadécimaux, comme dans \x0a (position %1).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Unknown escape \%1: use \n \r \t \0 \\ or \xHH.</source>
        <translation>Séquence d&apos;échappement inconnue \%1&#xa0;: utilisez \n \r \t \0 \\ ou \xHH.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>&apos;%1&apos; is not a hex digit.</source>
        <translation>«&#xa0;%1&#xa0;» n&apos;est pas un chiffre hexadécimal.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Odd number of hex digits: each byte takes two.</source>
        <translation>Nombre impair de chiffres hexadécimaux&#xa0;: chaque octet en prend deux.</translation>
    </message>
</context>
<context>
    <name>sockwb::CertificateBox</name>
    <message>
        <location filename="../../widgets/server/certificatebox.cpp" line="+28"/>
        <source>TLS certificate</source>
        <translation>Certificat TLS</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Compare with what the client shows: the composer&apos;s Certificate tab, sockwb http -v, openssl s_client or a browser. The same fingerprint means the same certificate.</source>
        <translation>Comparez avec ce qu&apos;affiche le client : l&apos;onglet Certificat du compositeur, sockwb http -v, openssl s_client ou un navigateur. La même empreinte signifie le même certificat.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Copy</source>
        <translation>Copier</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Subject:</source>
        <translation>Sujet&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Names (SAN):</source>
        <translation>Noms (SAN)&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Valid:</source>
        <translation>Valide&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SHA-256:</source>
        <translation>SHA-256&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>File:</source>
        <translation>Fichier&#xa0;:</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>%1 to %2</source>
        <translation>du %1 au %2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 (expired)</source>
        <translation>%1 (expiré)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 (not yet valid)</source>
        <translation>%1 (pas encore valide)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1, self-signed</source>
        <translation>%1, auto-signé</translation>
    </message>
</context>
<context>
    <name>sockwb::CheatSheet</name>
    <message>
        <location filename="../../widgets/trace/cheatsheet.cpp" line="+12"/>
        <source>Creates an endpoint and returns its file descriptor: socket(AF_INET, SOCK_STREAM, 0) for TCP, SOCK_DGRAM for UDP. Nothing is connected or named yet.</source>
        <translation>Crée un point de communication et renvoie son descripteur de fichier&#xa0;: socket(AF_INET, SOCK_STREAM, 0) pour TCP, SOCK_DGRAM pour UDP. Rien n&apos;est encore connecté ni nommé.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>EAFNOSUPPORT / EPROTONOSUPPORT: family or protocol unknown here; EMFILE / ENFILE: too many open descriptors (a leak?); EACCES: not allowed.</source>
        <translation>EAFNOSUPPORT / EPROTONOSUPPORT&#xa0;: famille ou protocole inconnu ici&#xa0;; EMFILE / ENFILE&#xa0;: trop de descripteurs ouverts (une fuite&#xa0;?)&#xa0;; EACCES&#xa0;: non autorisé.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Gives the socket its local address and port (sockaddr_in with htons(port)). Port 0 lets the kernel pick a free one; getsockname tells which.</source>
        <translation>Donne au socket son adresse et son port locaux (sockaddr_in avec htons(port)). Le port 0 laisse le noyau en choisir un libre&#xa0;; getsockname indique lequel.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>EADDRINUSE: another socket already uses that port (or it lingers in TIME_WAIT without SO_REUSEADDR); EACCES: ports below 1024 need root; EADDRNOTAVAIL: that IP is not one of this machine&apos;s.</source>
        <translation>EADDRINUSE&#xa0;: un autre socket utilise déjà ce port (ou il reste en TIME_WAIT sans SO_REUSEADDR)&#xa0;; EACCES&#xa0;: les ports inférieurs à 1024 exigent root&#xa0;; EADDRNOTAVAIL&#xa0;: cette adresse IP n&apos;appartient pas à cette machine.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Turns a bound TCP socket into a passive one that queues incoming connections; backlog is the length of that queue.</source>
        <translation>Fait d&apos;un socket TCP lié un socket passif (en écoute) qui met en file d&apos;attente les connexions entrantes&#xa0;; backlog est la longueur de cette file.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>EADDRINUSE: another socket listens on the same port; EOPNOTSUPP: not a TCP socket (UDP never listens).</source>
        <translation>EADDRINUSE&#xa0;: un autre socket écoute sur le même port&#xa0;; EOPNOTSUPP&#xa0;: ce n&apos;est pas un socket TCP (UDP n&apos;écoute jamais).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Takes the next connection from the queue and returns a NEW descriptor for that client; the listening socket keeps listening. Blocks while the queue is empty.</source>
        <translation>Prend la connexion suivante dans la file d&apos;attente et renvoie un NOUVEAU descripteur pour ce client&#xa0;; le socket d&apos;écoute continue d&apos;écouter. Bloque tant que la file est vide.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>EAGAIN: nobody waiting (non-blocking socket); EMFILE: out of descriptors; ECONNABORTED: the client left before we took it; EINTR: a signal arrived.</source>
        <translation>EAGAIN&#xa0;: personne n&apos;attend (socket non bloquant)&#xa0;; EMFILE&#xa0;: plus de descripteurs&#xa0;; ECONNABORTED&#xa0;: le client est parti avant d&apos;être accepté&#xa0;; EINTR&#xa0;: un signal est arrivé.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Client side: opens a TCP connection to a server&apos;s address (three-way handshake). On UDP it only sets the default destination.</source>
        <translation>Côté client&#xa0;: ouvre une connexion TCP vers l&apos;adresse d&apos;un serveur (poignée de main en trois temps). En UDP, fixe seulement la destination par défaut.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>ECONNREFUSED: nothing listens on that port; ETIMEDOUT: no answer (firewall, wrong host); ENETUNREACH / EHOSTUNREACH: no route; EINPROGRESS: non-blocking, not done yet.</source>
        <translation>ECONNREFUSED&#xa0;: rien n&apos;écoute sur ce port&#xa0;; ETIMEDOUT&#xa0;: pas de réponse (pare-feu, mauvais hôte)&#xa0;; ENETUNREACH / EHOSTUNREACH&#xa0;: pas de route&#xa0;; EINPROGRESS&#xa0;: non bloquant, pas encore terminé.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Write and read bytes on a connected socket. A stream has no messages: send may take part of the buffer and one recv may return half a line or two lines. recv returns 0 when the peer closed.</source>
        <translation>Écrivent et lisent des octets sur un socket connecté. Un flux d&apos;octets n&apos;a pas de messages&#xa0;: send peut ne prendre qu&apos;une partie du tampon et un recv peut renvoyer une demi-ligne ou deux lignes. recv renvoie 0 quand le pair a fermé.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>EPIPE: the peer closed and we still write (MSG_NOSIGNAL avoids SIGPIPE); ECONNRESET: the peer reset the connection; EAGAIN: nothing to read yet (non-blocking).</source>
        <translation>EPIPE&#xa0;: le pair a fermé et nous écrivons encore (MSG_NOSIGNAL évite SIGPIPE)&#xa0;; ECONNRESET&#xa0;: le pair a réinitialisé la connexion&#xa0;; EAGAIN&#xa0;: rien à lire pour l&apos;instant (non bloquant).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>UDP: send one datagram to an address / receive one datagram and learn who sent it. Each call is one whole message; nothing guarantees it arrives.</source>
        <translation>UDP&#xa0;: envoie un datagramme à une adresse / reçoit un datagramme et apprend qui l&apos;a envoyé. Chaque appel est un message entier&#xa0;; rien ne garantit qu&apos;il arrive.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>EMSGSIZE: datagram too large; ECONNREFUSED: an ICMP &apos;port unreachable&apos; came back from an earlier datagram; a datagram larger than the buffer is truncated (MSG_TRUNC).</source>
        <translation>EMSGSIZE&#xa0;: datagramme trop grand&#xa0;; ECONNREFUSED&#xa0;: un ICMP «&#xa0;port unreachable&#xa0;» est revenu d&apos;un datagramme précédent&#xa0;; un datagramme plus grand que le tampon est tronqué (MSG_TRUNC).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Half-closes a connection: SHUT_WR says &quot;I will send nothing more&quot; (the peer&apos;s recv returns 0) while we can still read the answer.</source>
        <translation>Ferme une connexion à moitié&#xa0;: SHUT_WR dit «&#xa0;je n&apos;enverrai plus rien&#xa0;» (le recv du pair renvoie 0) tandis que nous pouvons encore lire la réponse.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>ENOTCONN: the socket is not connected; EBADF / ENOTSOCK: not a valid socket.</source>
        <translation>ENOTCONN&#xa0;: le socket n&apos;est pas connecté&#xa0;; EBADF / ENOTSOCK&#xa0;: ce n&apos;est pas un socket valide.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Releases the descriptor. The last close of a TCP socket sends FIN; the port may then wait in TIME_WAIT for a while.</source>
        <translation>Libère le descripteur. La dernière fermeture d&apos;un socket TCP envoie FIN&#xa0;; le port peut ensuite rester un moment en TIME_WAIT.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>EBADF: already closed (closing twice is a bug: the number may belong to another socket now); EINTR: do not retry on Linux, the fd is gone anyway.</source>
        <translation>EBADF&#xa0;: déjà fermé (fermer deux fois est un bogue&#xa0;: le numéro peut maintenant appartenir à un autre socket)&#xa0;; EINTR&#xa0;: ne pas réessayer sous Linux, le descripteur est de toute façon libéré.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Sets an option: SO_REUSEADDR (rebind a port in TIME_WAIT at once), SO_RCVTIMEO, TCP_NODELAY, SO_KEEPALIVE, buffer sizes...</source>
        <translation>Règle une option&#xa0;: SO_REUSEADDR (relier tout de suite un port en TIME_WAIT), SO_RCVTIMEO, TCP_NODELAY, SO_KEEPALIVE, tailles des tampons...</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>ENOPROTOOPT: option unknown at that level; EINVAL: bad value or length.</source>
        <translation>ENOPROTOOPT&#xa0;: option inconnue à ce niveau&#xa0;; EINVAL&#xa0;: valeur ou longueur incorrecte.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Wait until one of many descriptors is ready, so one thread can serve many clients without blocking on any of them. select is limited to FD_SETSIZE (1024); epoll scales.</source>
        <translation>Attendent qu&apos;un descripteur parmi d&apos;autres soit prêt, pour qu&apos;un seul thread serve de nombreux clients sans se bloquer sur aucun. select est limité à FD_SETSIZE (1024)&#xa0;; epoll passe à l&apos;échelle.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>EINTR: a signal interrupted the wait (loop again); EBADF: a descriptor in the set was closed; EINVAL: bad size or timeout.</source>
        <translation>EINTR&#xa0;: un signal a interrompu l&apos;attente (reboucler)&#xa0;; EBADF&#xa0;: un descripteur de l&apos;ensemble a été fermé&#xa0;; EINVAL&#xa0;: taille ou délai incorrect.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>io_uring_setup creates a ring: two queues shared with the kernel, one for submissions (requests) and one for completions (results). io_uring_enter hands the kernel every request queued since the last call and, in the same call, waits for completions: one call per loop round however many sockets are served. The trace shows to_submit (requests handed over) and min_complete (completions waited for).</source>
        <translation>io_uring_setup crée un anneau : deux files partagées avec le noyau, l&apos;une pour les soumissions (les requêtes), l&apos;autre pour les complétions (les résultats). io_uring_enter remet au noyau toutes les requêtes mises en file depuis l&apos;appel précédent et, dans le même appel, attend des complétions : un appel par tour de boucle, quel que soit le nombre de sockets servies. La trace montre to_submit (requêtes remises) et min_complete (complétions attendues).</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>EPERM: io_uring is disabled (sysctl kernel.io_uring_disabled); ENOSYS: a kernel built without it; ENOMEM: the locked-memory limit is too low for the ring; ETIME: the wait&apos;s timeout passed (a timer is due), not a failure; EINTR: a signal.</source>
        <translation>EPERM : io_uring est désactivé (sysctl kernel.io_uring_disabled) ; ENOSYS : un noyau compilé sans lui ; ENOMEM : la limite de mémoire verrouillée est trop basse pour l&apos;anneau ; ETIME : le délai d&apos;attente est écoulé (un minuteur est dû), ce n&apos;est pas un échec ; EINTR : un signal.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>A submission queue entry: one request written into the ring (accept on this listener, recv on this socket, send these bytes), tagged with a number the completion will carry back. Queuing it costs no system call; the next io_uring_enter hands over all of them at once.</source>
        <translation>Une entrée de la file de soumission : une requête écrite dans l&apos;anneau (accept sur cette socket d&apos;écoute, recv sur cette socket, send de ces octets), marquée d&apos;un numéro que la complétion rapportera. La mettre en file ne coûte aucun appel système ; le prochain io_uring_enter les remet toutes d&apos;un coup.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>A full submission queue is submitted early; a request on a closed descriptor completes with EBADF; a request still in flight keeps its socket open until it completes or is cancelled (IORING_OP_ASYNC_CANCEL).</source>
        <translation>Une file de soumission pleine est soumise plus tôt ; une requête sur un descripteur fermé se termine avec EBADF ; une requête encore en cours garde sa socket ouverte jusqu&apos;à sa complétion ou son annulation (IORING_OP_ASYNC_CANCEL).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>A completion queue entry: the result of one request, as the system call would have returned it (a new descriptor for accept, a byte count for recv and send, -errno on failure). With epoll the program is told a socket is ready and then calls recv; here the bytes have already been received when the completion arrives.</source>
        <translation>Une entrée de la file de complétion : le résultat d&apos;une requête, tel que l&apos;appel système l&apos;aurait renvoyé (un nouveau descripteur pour accept, un nombre d&apos;octets pour recv et send, -errno en cas d&apos;échec). Avec epoll, le programme apprend qu&apos;une socket est prête puis appelle recv ; ici, les octets sont déjà reçus quand la complétion arrive.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>A negative result is -errno: ECONNRESET (the peer reset), ENOBUFS (no provided buffer left: the receive is armed again), ECANCELED (the request was cancelled), EMFILE on accept (out of descriptors).</source>
        <translation>Un résultat négatif vaut -errno : ECONNRESET (le pair a réinitialisé), ENOBUFS (plus de tampon fourni : la réception est réarmée), ECANCELED (la requête a été annulée), EMFILE sur accept (plus de descripteurs).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>One request that completes many times: a multishot accept posts a completion for every new client, a multishot recv one for every arrival of bytes, until it ends (a completion without IORING_CQE_F_MORE), when the program submits it again.</source>
        <translation>Une requête qui se termine plusieurs fois : un accept multishot produit une complétion pour chaque nouveau client, un recv multishot une pour chaque arrivée d&apos;octets, jusqu&apos;à sa fin (une complétion sans IORING_CQE_F_MORE), où le programme la soumet de nouveau.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>It ends on an error, on the peer&apos;s close (recv returns 0) or when no provided buffer is free (ENOBUFS).</source>
        <translation>Elle se termine sur une erreur, à la fermeture par le pair (recv renvoie 0) ou quand aucun tampon fourni n&apos;est libre (ENOBUFS).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A pool of buffers the program registers once (a buffer ring); a receive picks a free one only when bytes arrive, and its completion names the buffer it used. The program gives it back once it has consumed the bytes, so idle connections hold no receive buffer.</source>
        <translation>Une réserve de tampons que le programme enregistre une fois (un anneau de tampons) ; une réception n&apos;en prend un libre que lorsque des octets arrivent, et sa complétion nomme le tampon utilisé. Le programme le rend dès qu&apos;il a consommé les octets : les connexions inactives ne retiennent aucun tampon de réception.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>ENOBUFS: every buffer is in use (the program is slower than the data); the receive stops until buffers are given back and it is submitted again.</source>
        <translation>ENOBUFS : tous les tampons sont utilisés (le programme est plus lent que les données) ; la réception s&apos;arrête jusqu&apos;à ce que des tampons soient rendus et qu&apos;elle soit soumise de nouveau.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Duplicates the process: the child gets copies of every descriptor. A forking server closes the listening socket in the child and the client&apos;s socket in the parent.</source>
        <translation>Duplique le processus&#xa0;: le fils reçoit une copie de chaque descripteur. Un serveur concurrent à base de fork ferme le socket d&apos;écoute dans le fils et le socket du client dans le père.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>EAGAIN: too many processes; ENOMEM: out of memory. Forget waitpid and the children stay as zombies.</source>
        <translation>EAGAIN&#xa0;: trop de processus&#xa0;; ENOMEM&#xa0;: mémoire épuisée. Sans waitpid, les fils restent à l&apos;état de zombies.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Tells which local address and port a socket really got (after bind to port 0 or after connect).</source>
        <translation>Indique l&apos;adresse et le port locaux réellement obtenus par un socket (après bind sur le port 0 ou après connect).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>EBADF / ENOTSOCK: not a valid socket.</source>
        <translation>EBADF / ENOTSOCK&#xa0;: ce n&apos;est pas un socket valide.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Convert between host byte order and network byte order (big-endian): htons(8080) gives the 16-bit value whose bytes in memory are 1f 90, the order sin_port needs; htonl does the same for 32-bit values such as s_addr. ntohs/ntohl convert back.</source>
        <translation>Conversion entre l&apos;ordre des octets de l&apos;hôte et l&apos;ordre réseau (gros-boutiste) : htons(8080) donne la valeur sur 16 bits dont les octets en mémoire sont 1f 90, l&apos;ordre qu&apos;attend sin_port ; htonl fait de même pour les valeurs sur 32 bits comme s_addr. ntohs/ntohl font la conversion inverse.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No error: they never fail. Forgetting them is the error: on a little-endian PC port 8080 without htons becomes port 36895 (0x901f).</source>
        <translation>Aucune erreur : elles n&apos;échouent jamais. L&apos;erreur, c&apos;est de les oublier : sur un PC petit-boutiste, le port 8080 sans htons devient le port 36895 (0x901f).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>inet_pton turns the text &quot;192.168.1.10&quot; or &quot;::1&quot; into the binary address (in network order) for sin_addr / sin6_addr; inet_ntop writes it back as text. Numbers only: a host name needs getaddrinfo.</source>
        <translation>inet_pton convertit le texte « 192.168.1.10 » ou « ::1 » en adresse binaire (dans l&apos;ordre réseau) pour sin_addr / sin6_addr ; inet_ntop la réécrit sous forme de texte. Nombres uniquement : un nom d&apos;hôte nécessite getaddrinfo.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>inet_pton returns 0 (not -1) when the text is not a valid address of that family (&quot;999.1.1.1&quot;, a name); -1 with EAFNOSUPPORT for an unknown family. inet_ntop: ENOSPC when the buffer is too small (use INET6_ADDRSTRLEN).</source>
        <translation>inet_pton renvoie 0 (et non -1) quand le texte n&apos;est pas une adresse valide de cette famille (« 999.1.1.1 », un nom) ; -1 avec EAFNOSUPPORT pour une famille inconnue. inet_ntop : ENOSPC quand le tampon est trop petit (utilisez INET6_ADDRSTRLEN).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>INADDR_ANY (0.0.0.0) binds a server to every interface of the machine; INADDR_LOOPBACK (127.0.0.1) only to this machine, unreachable from others. In IPv6: in6addr_any (::) and in6addr_loopback (::1). Both are host-order numbers: htonl(INADDR_LOOPBACK).</source>
        <translation>INADDR_ANY (0.0.0.0) lie un serveur à toutes les interfaces de la machine ; INADDR_LOOPBACK (127.0.0.1) seulement à cette machine, injoignable depuis les autres. En IPv6 : in6addr_any (::) et in6addr_loopback (::1). Les deux sont des nombres dans l&apos;ordre de l&apos;hôte : htonl(INADDR_LOOPBACK).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>EADDRNOTAVAIL: binding to an address that is not one of this machine&apos;s; a server bound to 127.0.0.1 refuses other machines (ECONNREFUSED for them).</source>
        <translation>EADDRNOTAVAIL : bind sur une adresse qui n&apos;appartient pas à cette machine ; un serveur lié à 127.0.0.1 refuse les autres machines (ECONNREFUSED pour elles).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Turns a host name and a port into socket addresses (IPv4 and IPv6), ready for connect or bind.</source>
        <translation>Transforme un nom d&apos;hôte et un port en adresses de socket (IPv4 et IPv6), prêtes pour connect ou bind.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>EAI_NONAME: unknown host; EAI_AGAIN: the name server did not answer (try again).</source>
        <translation>EAI_NONAME&#xa0;: hôte inconnu&#xa0;; EAI_AGAIN&#xa0;: le serveur de noms n&apos;a pas répondu (réessayez).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>sleep(1), usleep(): the thread waits and serves nobody (the kernel&apos;s nanosleep). The course&apos;s clock sleeps between two lines; what a client sends meanwhile waits in the socket&apos;s buffer.</source>
        <translation>sleep(1), usleep() : le thread attend et ne sert personne (le nanosleep du noyau). L&apos;horloge du cours dort entre deux lignes ; ce qu&apos;un client envoie pendant ce temps attend dans le tampon du socket.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>EINTR: a signal interrupted the sleep. The workbench stops a sleeping server thread that way (a handler installed without SA_RESTART).</source>
        <translation>EINTR : un signal a interrompu le sommeil. Socket Workbench arrête ainsi un thread serveur endormi (un gestionnaire installé sans SA_RESTART).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>On a blocking socket accept, recv, recvfrom and send wait in the kernel: the call&apos;s duration in the trace is the wait. To wake a thread waiting there, another thread calls shutdown(fd, SHUT_RDWR): accept then fails with EINVAL, recv and recvfrom return 0, send fails with EPIPE.</source>
        <translation>Sur un socket bloquant, accept, recv, recvfrom et send attendent dans le noyau : la durée de l&apos;appel dans la trace est l&apos;attente. Pour réveiller un thread qui y attend, un autre thread appelle shutdown(fd, SHUT_RDWR) : accept échoue alors avec EINVAL, recv et recvfrom renvoient 0, send échoue avec EPIPE.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>EINTR: a signal arrived during the wait; EAGAIN on a blocking socket: the SO_RCVTIMEO delay passed (an idle timeout); ENOTCONN from shutdown on a UDP socket: expected, it still wakes recvfrom.</source>
        <translation>EINTR : un signal est arrivé pendant l&apos;attente ; EAGAIN sur un socket bloquant : le délai SO_RCVTIMEO est écoulé (un délai d&apos;inactivité) ; ENOTCONN de shutdown sur un socket UDP : attendu, il réveille quand même recvfrom.</translation>
    </message>
    <message>
        <location line="+54"/>
        <source>Common errors:</source>
        <translation>Erreurs courantes&#xa0;:</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Socket API cheat sheet</source>
        <translation>Aide-mémoire de l&apos;API socket</translation>
    </message>
</context>
<context>
    <name>sockwb::CheatSheetDialog</name>
    <message>
        <location filename="../../widgets/trace/cheatsheetdialog.cpp" line="+14"/>
        <source>Socket API cheat sheet</source>
        <translation>Aide-mémoire de l&apos;API socket</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Filter: a call or an errno name (accept, EADDRINUSE...)</source>
        <translation>Filtre&#xa0;: un appel ou un nom d&apos;errno (accept, EADDRINUSE...)</translation>
    </message>
</context>
<context>
    <name>sockwb::ClientOptionsRow</name>
    <message>
        <location filename="../../widgets/client/clientoptionsrow.cpp" line="+24"/>
        <source>any (the system chooses)</source>
        <translation>quelconque (le système choisit)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>bind() before connect: ADDR, ADDR:PORT or :PORT (127.0.0.1:5000, :5000). Empty: the system picks the local port, as usual for a client.</source>
        <translation>bind() avant connect : ADDR, ADDR:PORT ou :PORT (127.0.0.1:5000, :5000). Vide : le système choisit le port local, comme d&apos;habitude pour un client.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Blocking calls (as the course)</source>
        <translation>Appels bloquants (comme dans le cours)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Non-blocking + poll</source>
        <translation>Non bloquant + poll</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Blocking: connect and recv wait, and the trace shows the wait as their duration. Poll: a non-blocking socket, connect returns EINPROGRESS and poll waits.</source>
        <translation>Bloquant : connect et recv attendent, et la trace montre l&apos;attente comme leur durée. Poll : un socket non bloquant, connect renvoie EINPROGRESS et poll attend.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source> bytes</source>
        <translation> octets</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The buffer size given to each recv: a small one splits a message over several recvs, a big one can take several messages at once.</source>
        <translation>La taille du tampon donnée à chaque recv : une petite taille découpe un message sur plusieurs recv, une grande peut prendre plusieurs messages d&apos;un coup.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Bind:</source>
        <translation>&amp;Bind :</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;I/O:</source>
        <translation>&amp;E/S :</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>recv si&amp;ze:</source>
        <translation>&amp;Taille de recv :</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;TLS</source>
        <translation>T&amp;LS</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A TLS handshake right after connect (as openssl s_client): what you send and receive is then plaintext, and the trace shows the encrypted records each send and recv carried.</source>
        <translation>Une poignée de main TLS juste après connect (comme openssl s_client) : ce que vous envoyez et recevez est alors en clair, et la trace montre les enregistrements chiffrés transportés par chaque send et recv.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Verify certificate</source>
        <translation>&amp;Vérifier le certificat</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Stop when the server&apos;s certificate does not verify (unknown CA, self-signed, expired, another name). Unchecked: go on, and only show the result.</source>
        <translation>S&apos;arrêter si la vérification du certificat du serveur échoue (CA inconnue, auto-signé, expiré, autre nom). Décoché : continuer, et seulement afficher le résultat.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>system CA store</source>
        <translation>magasin de CA du système</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A PEM file of CA certificates to trust instead of the system&apos;s (the test CA, or a self-signed server&apos;s own certificate).</source>
        <translation>Un fichier PEM de certificats de CA auxquels faire confiance à la place de ceux du système (la CA de test, ou le propre certificat d&apos;un serveur auto-signé).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>…</source>
        <translation>…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose the CA file</source>
        <translation>Choisir le fichier de CA</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>C&amp;A file:</source>
        <translation>Fichier C&amp;A&#xa0;:</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>CA certificates</source>
        <translation>Certificats de CA</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>PEM certificates (*.pem *.crt *.cer);;All files (*)</source>
        <translation>Certificats PEM (*.pem *.crt *.cer);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Bind address: %1</source>
        <translation>Adresse de bind : %1</translation>
    </message>
</context>
<context>
    <name>sockwb::ClientSockopts</name>
    <message>
        <location filename="../../widgets/client/clientsockopts.cpp" line="+28"/>
        <source>socket option %1</source>
        <translation>option de socket %1</translation>
    </message>
</context>
<context>
    <name>sockwb::ClientWindow</name>
    <message>
        <location filename="../../widgets/client/clientwindow.cpp" line="+48"/>
        <source>%1 bytes came too fast to be shown (they are counted)</source>
        <translation>%1 octets sont arrivés trop vite pour être affichés (ils sont comptés)</translation>
    </message>
    <message>
        <location filename="../../widgets/client/clientwindowui.cpp" line="+58"/>
        <source>TCP</source>
        <translation>TCP</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>UDP</source>
        <translation>UDP</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unix stream</source>
        <translation>Unix flux</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unix datagram</source>
        <translation>Unix datagramme</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>AF_UNIX, SOCK_STREAM: a server on this machine, by its socket path</source>
        <translation>AF_UNIX, SOCK_STREAM : un serveur sur cette machine, par le chemin de son socket</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>AF_UNIX, SOCK_DGRAM: this client autobinds a name so that the server can answer</source>
        <translation>AF_UNIX, SOCK_DGRAM : ce client fait un autobind sur un nom pour que le serveur puisse répondre</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>socket path, e.g. /tmp/echo.sock</source>
        <translation>chemin du socket, p. ex. /tmp/echo.sock</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The server&apos;s socket file, or @name for an abstract name</source>
        <translation>Le fichier socket du serveur, ou @nom pour un nom abstrait</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A name or an address: 127.0.0.1, ::1, localhost</source>
        <translation>Un nom ou une adresse&#xa0;: 127.0.0.1, ::1, localhost</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>port</source>
        <translation>port</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Export as Code...</source>
        <translation>Exporter en code...</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The C (or Python) program that does what this window does</source>
        <translation>Le programme C (ou Python) qui fait ce que fait cette fenêtre</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Scr&amp;ipt</source>
        <translation>Scr&amp;ipt</translation>
    </message>
    <message>
        <location filename="../../widgets/client/clientwindow.cpp" line="+164"/>
        <location filename="../../widgets/client/clientwindowui.cpp" line="-60"/>
        <source>&amp;Connect</source>
        <translation>&amp;Connecter</translation>
    </message>
    <message>
        <location filename="../../widgets/client/clientwindowui.cpp" line="+54"/>
        <source>&amp;Session</source>
        <translation>&amp;Session</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>T&amp;race</source>
        <translation>T&amp;race</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Se&amp;quence</source>
        <translation>Sé&amp;quence</translation>
    </message>
    <message>
        <location filename="../../widgets/client/clientwindow.cpp" line="-73"/>
        <source>Enter a host name or address.</source>
        <translation>Saisissez un nom d&apos;hôte ou une adresse.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Enter a port between 1 and 65535.</source>
        <translation>Saisissez un port entre 1 et 65535.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Connecting to %1 port %2…</source>
        <translation>Connexion à %1 port %2…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>connecting to %1 port %2 (%3)</source>
        <translation>connexion à %1 port %2 (%3)</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>disconnected</source>
        <translation>déconnecté</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>connecting</source>
        <translation>connexion en cours</translation>
    </message>
    <message>
        <location line="-84"/>
        <source>Enter the server&apos;s socket path.</source>
        <translation>Saisissez le chemin du socket du serveur.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Connecting to %1…</source>
        <translation>Connexion à %1…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>connecting to %1 (%2)</source>
        <translation>connexion à %1 (%2)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>shutdown(%1) requested</source>
        <translation>shutdown(%1) demandé</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>%1 + TLS</source>
        <translation>%1 + TLS</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>closed</source>
        <translation>fermé</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>failed</source>
        <translation>échec</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Client %1 — %2</source>
        <translation>Client %1 — %2</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Disconnect</source>
        <translation>&amp;Déconnecter</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Cancel</source>
        <translation>&amp;Annuler</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Connected from %1 to %2</source>
        <translation>Connecté de %1 à %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1, TLS handshake…</source>
        <translation>%1, poignée de main TLS…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>connected from %1 to %2</source>
        <translation>connecté de %1 à %2</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>message %1</source>
        <translation>message %1</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>%1 more messages in this batch not shown (they are counted)</source>
        <translation>%1 autres messages de ce lot non affichés (ils sont comptés)</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>With Bind the client&apos;s port is fixed: another socket holds it, or the last TCP connection from it is still in TIME_WAIT (about a minute). Choose another port, or give only the address.</source>
        <translation>Avec Bind, le port du client est fixé : un autre socket l&apos;occupe, ou la dernière connexion TCP depuis ce port est encore en TIME_WAIT (environ une minute). Choisissez un autre port, ou ne donnez que l&apos;adresse.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>%1 over %2</source>
        <translation>%1 sur %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Server certificate SHA-256: %1</source>
        <translation>SHA-256 du certificat du serveur : %1</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>disconnected (close on this side)</source>
        <translation>déconnecté (close de ce côté)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the server closed the connection (recv returned 0)</source>
        <translation>le serveur a fermé la connexion (recv a renvoyé 0)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>connection ended by an error</source>
        <translation>connexion terminée par une erreur</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>In: %1 bytes, %2 msg    Out: %3 bytes, %4 msg</source>
        <translation>Reçus&#xa0;: %1 octets, %2 msg    Envoyés&#xa0;: %3 octets, %4 msg</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>   Round trip: %1 ms</source>
        <translation>   Aller-retour&#xa0;: %1 ms</translation>
    </message>
    <message>
        <location filename="../../widgets/client/clientwindowstate.cpp" line="+106"/>
        <source>script: playing, steps: %1</source>
        <translation>script : en cours, étapes : %1</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>script: %1</source>
        <translation>script : %1</translation>
    </message>
</context>
<context>
    <name>sockwb::CompareCharts</name>
    <message>
        <location filename="../../widgets/compare/comparecharts.cpp" line="+90"/>
        <source>Requests/s (higher is better)</source>
        <translation>Requêtes/s (plus élevé = meilleur)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Server memory: RSS Δ, MiB</source>
        <translation>Mémoire du serveur&#xa0;: Δ RSS, Mio</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>p99 latency of answered requests, ms (lower is better)</source>
        <translation>Latence p99 (réponses reçues), ms (plus bas = meilleur)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Server threads and child processes</source>
        <translation>Threads du serveur et processus fils</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>threads</source>
        <translation>threads</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>child processes</source>
        <translation>processus fils</translation>
    </message>
</context>
<context>
    <name>sockwb::CompareConfig</name>
    <message>
        <location filename="../../widgets/compare/compareconfig.cpp" line="+48"/>
        <source>HTTP, keep-alive</source>
        <translation>HTTP, keep-alive</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>HTTP, connection per request</source>
        <translation>HTTP, connexion par requête</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>TCP echo</source>
        <translation>Écho TCP</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>UDP echo</source>
        <translation>Écho UDP</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The http service; each client sends GET / again and again on one connection (HTTP/1.1 keep-alive)</source>
        <translation>Le service http&#xa0;; chaque client envoie GET / encore et encore sur une même connexion (HTTP/1.1 keep-alive)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The http service; each request opens its own connection (Connection: close): connect, accept and close every time</source>
        <translation>Le service http&#xa0;; chaque requête ouvre sa propre connexion (Connection: close)&#xa0;: connect, accept et close à chaque fois</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The echo service over TCP; each client sends the payload and waits for it to come back, on one connection</source>
        <translation>Le service echo sur TCP&#xa0;; chaque client envoie les données et attend leur retour, sur une même connexion</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The echo service over UDP; each client socket sends one datagram and waits for it to come back</source>
        <translation>Le service echo sur UDP&#xa0;; chaque socket client envoie un datagramme et attend son retour</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>%1 ×%2 loops</source>
        <translation>%1 ×%2 boucles</translation>
    </message>
</context>
<context>
    <name>sockwb::CompareForm</name>
    <message>
        <location filename="../../widgets/compare/compareform.cpp" line="+33"/>
        <source>Over TL&amp;S</source>
        <translation>Sur TL&amp;S</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>What each client does against the server, and which service the server runs</source>
        <translation>Ce que fait chaque client face au serveur, et quel service le serveur exécute</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Clients loading the server at the same time (UDP: sockets)</source>
        <translation>Clients qui chargent le serveur en même temps (UDP&#xa0;: sockets)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Threads of the load generator (one epoll loop each). They share the machine&apos;s cores with the server.</source>
        <translation>Threads du générateur de charge (une boucle epoll chacun). Ils partagent les cœurs de la machine avec le serveur.</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+19"/>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <location line="-18"/>
        <source>Measured load time per model (after a short warm-up)</source>
        <translation>Durée de charge mesurée par modèle (après un court échauffement)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Worker threads of the pool model: clients beyond them wait in its queue</source>
        <translation>Threads de travail du modèle pool&#xa0;: les clients en surnombre attendent dans sa file d&apos;attente</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Event loops of the epoll and io_uring models, each on its own thread with its own SO_REUSEPORT listener (as nginx&apos;s worker_processes); about as many as the cores. Their rows say how many.</source>
        <translation>Boucles d&apos;événements des modèles epoll et io_uring, chacune sur son propre thread avec sa propre socket d&apos;écoute SO_REUSEPORT (comme worker_processes de nginx) ; à peu près autant que de cœurs. Leurs lignes indiquent combien.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source> bytes</source>
        <translation> octets</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Echo workloads: bytes sent (and echoed back) per round trip</source>
        <translation>Charges écho&#xa0;: octets envoyés (et renvoyés en écho) par aller-retour</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>A request unanswered for this long counts as an error (a client stuck in an iterative server&apos;s listen queue, for instance)</source>
        <translation>Une requête sans réponse pendant ce délai compte comme une erreur (un client bloqué dans la file d&apos;attente de listen d&apos;un serveur itératif, par exemple)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Workload</source>
        <translation>Charge</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Workload:</source>
        <translation>C&amp;harge&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Connections:</source>
        <translation>&amp;Connexions&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Load &amp;threads:</source>
        <translation>&amp;Threads de charge&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Time per model:</source>
        <translation>Durée par &amp;modèle&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Pool size:</source>
        <translation>Taille du p&amp;ool&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>L&amp;oops:</source>
        <translation>B&amp;oucles :</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pa&amp;yload:</source>
        <translation>Charge &amp;utile&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Request t&amp;imeout:</source>
        <translation>Délai de la &amp;requête&#xa0;:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Models</source>
        <translation>Modèles</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Run the %1 model</source>
        <translation>Exécuter le modèle %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not available for this workload: %1</source>
        <translation>Indisponible pour cette charge&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Every model serves over TLS (the self-signed certificate for localhost) and every client connection makes a full TLS handshake: the cost of the encryption and of the handshakes, model by model</source>
        <translation>Chaque modèle sert sur TLS (le certificat auto-signé pour localhost) et chaque connexion client effectue une poignée de main TLS complète : le coût du chiffrement et des poignées de main, modèle par modèle</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>TLS runs over TCP: the UDP workload stays plain</source>
        <translation>TLS fonctionne sur TCP : la charge UDP reste en clair</translation>
    </message>
</context>
<context>
    <name>sockwb::CompareResultsModel</name>
    <message>
        <location filename="../../widgets/compare/compareresultsmodel.cpp" line="+117"/>
        <source>Model</source>
        <translation>Modèle</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Requests/s</source>
        <translation>Requêtes/s</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>MiB/s in</source>
        <translation>Mio/s reçus</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>p50 ms</source>
        <translation>p50 ms</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>p99 ms</source>
        <translation>p99 ms</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Errors</source>
        <translation>Erreurs</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Served at once</source>
        <translation>Servis en même temps</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Server threads</source>
        <translation>Threads du serveur</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Child processes</source>
        <translation>Processus fils</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>RSS Δ MiB</source>
        <translation>Δ RSS Mio</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Note</source>
        <translation>Remarque</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Requests (HTTP responses, echo round trips) completed per second of the measured run</source>
        <translation>Requêtes (réponses HTTP, allers-retours écho) terminées par seconde pendant la mesure</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Bytes received by the clients per second, in MiB</source>
        <translation>Octets reçus par les clients par seconde, en Mio</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Latency of the completed requests, from send to the full answer: half of them (p50) or 99 in 100 (p99) took at most this long. Requests that never got an answer are counted as errors, not here.</source>
        <translation>Latence des requêtes terminées, de l&apos;envoi à la réponse complète&#xa0;: la moitié d&apos;entre elles (p50) ou 99 sur 100 (p99) ont pris au plus ce temps. Les requêtes restées sans réponse sont comptées comme erreurs, pas ici.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Failed requests: timeouts (no answer within the request timeout), refused or reset connections, malformed answers</source>
        <translation>Requêtes en échec&#xa0;: délais dépassés (pas de réponse dans le délai de la requête), connexions refusées ou réinitialisées, réponses mal formées</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Connections the server was serving at the same moment (peak of the samples taken in the second half of the run). An iterative server serves one; the other clients wait in the listen queue.</source>
        <translation>Connexions que le serveur servait au même moment (pic des échantillons pris pendant la seconde moitié de la mesure). Un serveur itératif en sert une seule&#xa0;; les autres clients attendent dans la file d&apos;attente de listen.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Threads of this process that belong to the server, at the peak: the ones Server::start() created (acceptor, event loop, pool workers) plus the distinct threads serving a connection. The load generator&apos;s and the GUI&apos;s threads are not counted.</source>
        <translation>Threads de ce processus qui appartiennent au serveur, au pic&#xa0;: ceux que Server::start() a créés (accepteur, boucle d&apos;événements, threads du pool) plus les threads distincts qui servent une connexion. Les threads du générateur de charge et de l&apos;interface ne sont pas comptés.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Processes the server forked to serve clients (fork model), alive at the peak</source>
        <translation>Processus créés par fork pour servir les clients (modèle fork), vivants au pic</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Resident memory at the peak minus before the server started (VmRSS of this process, so the load generator&apos;s buffers are included, alike for every model), plus the private memory of each fork child (smaps_rollup Private_*: what it does not share with the parent)</source>
        <translation>Mémoire résidente au pic moins celle d&apos;avant le démarrage du serveur (VmRSS de ce processus&#xa0;: les tampons du générateur de charge sont donc inclus, de la même façon pour chaque modèle), plus la mémoire privée de chaque fils créé par fork (smaps_rollup Private_*&#xa0;: ce qu&apos;il ne partage pas avec le père)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The first load error seen, or why the model could not run</source>
        <translation>La première erreur de charge rencontrée, ou la raison pour laquelle le modèle n&apos;a pas pu tourner</translation>
    </message>
</context>
<context>
    <name>sockwb::CompareRunner</name>
    <message>
        <location filename="../../widgets/compare/comparerunner.cpp" line="+83"/>
        <source>%1 connections need more file descriptors than this process may open (ulimit -n): choose fewer connections</source>
        <translation>%1 connexions demandent plus de descripteurs de fichiers que ce processus ne peut en ouvrir (ulimit -n)&#xa0;: choisissez moins de connexions</translation>
    </message>
    <message>
        <location line="+58"/>
        <source>%1 cannot serve this workload: %2</source>
        <translation>%1 ne peut pas servir cette charge&#xa0;: %2</translation>
    </message>
    <message>
        <location line="+56"/>
        <source>%1 failed: %2</source>
        <translation>%1 a échoué&#xa0;: %2</translation>
    </message>
</context>
<context>
    <name>sockwb::CompareWindow</name>
    <message>
        <location filename="../../widgets/compare/comparewindow.cpp" line="+35"/>
        <source>&amp;Start</source>
        <translation>&amp;Démarrer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>S&amp;top</source>
        <translation>&amp;Arrêter</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export &amp;CSV...</source>
        <translation>E&amp;xporter en CSV...</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export &amp;PNG...</source>
        <translation>Exporter en &amp;PNG...</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Compare Models — Socket Workbench</source>
        <translation>Comparer les modèles — Socket Workbench</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Run a server under each checked model in turn and load it</source>
        <translation>Lancer tour à tour un serveur sous chaque modèle coché et le charger</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cancel the comparison (the servers stop at once)</source>
        <translation>Annuler la comparaison (les serveurs s&apos;arrêtent aussitôt)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Save the four charts as one PNG image</source>
        <translation>Enregistrer les quatre graphiques en une seule image PNG</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Idle</source>
        <translation>Inactif</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>Every model runs the same service code in this process on 127.0.0.1; only the way clients are handed to threads or processes changes. Hover a column header to see exactly what it measures.</source>
        <translation>Chaque modèle exécute le même code de service dans ce processus sur 127.0.0.1&#xa0;; seule change la façon de confier les clients à des threads ou à des processus. Survolez un en-tête de colonne pour voir exactement ce qu&apos;il mesure.</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Loading the %1 server on %2 (%3 of %4)...</source>
        <translation>Test de charge du serveur %1 sur %2 (%3 sur %4)...</translation>
    </message>
    <message>
        <location line="-104"/>
        <source>Choose a workload and the models, then Start. Each model runs the server in this process on 127.0.0.1 and is loaded in turn.</source>
        <translation>Choisissez une charge et les modèles, puis Démarrer. Chaque modèle fait tourner le serveur dans ce processus sur 127.0.0.1 et est chargé à son tour.</translation>
    </message>
    <message>
        <location line="+150"/>
        <source>%1 skipped: %2</source>
        <translation>%1 ignoré&#xa0;: %2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No model to run: check at least one model this workload can use.</source>
        <translation>Aucun modèle à exécuter&#xa0;: cochez au moins un modèle utilisable par cette charge.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Starting...</source>
        <translation>Démarrage...</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Stopping...</source>
        <translation>Arrêt...</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Starting the %1 server (%2 of %3)...</source>
        <translation>Démarrage du serveur %1 (%2 sur %3)...</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 (%2/%3) %p%</source>
        <translation>%1 (%2/%3) %p%</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>%1: %2</source>
        <translation>%1&#xa0;: %2</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Cancelled</source>
        <translation>Annulée</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>Cancelled after %1 s: %n model(s) measured.</source>
        <translation>
            <numerusform>Annulée après %1 s&#xa0;: %n modèle mesuré.</numerusform>
            <numerusform>Annulée après %1 s&#xa0;: %n modèles mesurés.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Done</source>
        <translation>Terminé</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Done in %1 s. %2</source>
        <translation>Terminé en %1 s. %2</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>%1 served %2 of %3 clients at once</source>
        <translation>%1 a servi %2 clients sur %3 en même temps</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>, </source>
        <translation>, </translation>
    </message>
    <message>
        <location line="-18"/>
        <source>No model could be measured.</source>
        <translation>Aucun modèle n&apos;a pu être mesuré.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Most requests/s: %1 (%2). Fewest threads and processes: %3 (%4).</source>
        <translation>Le plus de requêtes/s&#xa0;: %1 (%2). Le moins de threads et de processus&#xa0;: %3 (%4).</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>; </source>
        <translation>&#xa0;; </translation>
    </message>
    <message>
        <location line="+0"/>
        <source>%1: the other clients waited their turn.</source>
        <translation>%1&#xa0;: les autres clients ont attendu leur tour.</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Cannot write %1: %2</source>
        <translation>Impossible d&apos;écrire %1&#xa0;: %2</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Cannot write the image %1</source>
        <translation>Impossible d&apos;écrire l&apos;image %1</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Export results as CSV</source>
        <translation>Exporter les résultats en CSV</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>CSV files (*.csv)</source>
        <translation>Fichiers CSV (*.csv)</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+13"/>
        <source>Saved %1</source>
        <translation>%1 enregistré</translation>
    </message>
    <message>
        <location line="-6"/>
        <source>Export charts as PNG</source>
        <translation>Exporter les graphiques en PNG</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>PNG images (*.png)</source>
        <translation>Images PNG (*.png)</translation>
    </message>
</context>
<context>
    <name>sockwb::Composer</name>
    <message>
        <location filename="../../widgets/composer/composertext.cpp" line="+27"/>
        <source>
[... %1 more not shown]</source>
        <translation>
[... %1 de plus non affichés]</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 B</source>
        <translation>%1 o</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 KiB</source>
        <translation>%1 Kio</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 MiB</source>
        <translation>%1 Mio</translation>
    </message>
</context>
<context>
    <name>sockwb::ComposerAuthWidget</name>
    <message>
        <location filename="../../widgets/composer/composerauthwidget.cpp" line="+17"/>
        <source>No authorization</source>
        <translation>Pas d&apos;autorisation</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Basic (user and password)</source>
        <translation>Basic (utilisateur et mot de passe)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bearer token</source>
        <translation>Jeton Bearer</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No Authorization header is added.</source>
        <translation>Aucun en-tête Authorization n&apos;est ajouté.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>User:</source>
        <translation>Utilisateur&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Password:</source>
        <translation>Mot de passe&#xa0;:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sent base64-encoded, not encrypted: anyone on the path can read it.</source>
        <translation>Envoyé encodé en base64, non chiffré&#xa0;: n&apos;importe qui sur le chemin peut le lire.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Token:</source>
        <translation>Jeton&#xa0;:</translation>
    </message>
</context>
<context>
    <name>sockwb::ComposerBodyEditor</name>
    <message>
        <location filename="../../widgets/composer/composerbodyeditor.cpp" line="+25"/>
        <source>None</source>
        <translation>Aucun</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Raw text</source>
        <translation>Texte brut</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>JSON</source>
        <translation>JSON</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Form (URL-encoded)</source>
        <translation>Formulaire (encodé URL)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>File</source>
        <translation>Fichier</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Format</source>
        <translation>Formater</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Re-indent the JSON text</source>
        <translation>Réindenter le texte JSON</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Body:</source>
        <translation>Corps&#xa0;:</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>This request has no body.</source>
        <translation>Cette requête n&apos;a pas de corps.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Path of the file to send as the body</source>
        <translation>Chemin du fichier à envoyer comme corps</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Browse...</source>
        <translation>Parcourir...</translation>
    </message>
    <message>
        <location line="+59"/>
        <source>Not JSON: %1 at offset %2</source>
        <translation>Pas du JSON&#xa0;: %1 à la position %2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Valid JSON</source>
        <translation>JSON valide</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Body file</source>
        <translation>Fichier du corps</translation>
    </message>
</context>
<context>
    <name>sockwb::ComposerBodyView</name>
    <message>
        <location filename="../../widgets/composer/composerbodyview.cpp" line="+32"/>
        <source>Show all</source>
        <translation>Tout afficher</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save to file...</source>
        <translation>Enregistrer dans un fichier...</translation>
    </message>
    <message>
        <location line="+77"/>
        <source>No body.</source>
        <translation>Pas de corps.</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Image %1 x %2, %3</source>
        <translation>Image %1 x %2, %3</translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+25"/>
        <source>text</source>
        <translation>texte</translation>
    </message>
    <message>
        <location line="-16"/>
        <source>JSON</source>
        <translation>JSON</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>XML</source>
        <translation>XML</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>, pretty-printed</source>
        <translation>, mis en forme</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>HTML, rendered</source>
        <translation>HTML, rendu</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>%1 - showing the first %2 of %3</source>
        <translation>%1 - affichage des premiers %2 sur %3</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 - %2</source>
        <translation>%1 - %2</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>All %1 shown</source>
        <translation>Tout est affiché (%1)</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Save the response body</source>
        <translation>Enregistrer le corps de la réponse</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Could not save: %1</source>
        <translation>Impossible d&apos;enregistrer&#xa0;: %1</translation>
    </message>
</context>
<context>
    <name>sockwb::ComposerCertificateView</name>
    <message>
        <location filename="../../widgets/composer/composercertificateview.cpp" line="+53"/>
        <source>Copy SHA-256 fingerprint</source>
        <translation>Copier l&apos;empreinte SHA-256</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Copy the server certificate&apos;s SHA-256 fingerprint, to compare it with the one the server shows</source>
        <translation>Copier l&apos;empreinte SHA-256 du certificat du serveur, pour la comparer à celle qu&apos;affiche le serveur</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Send an https:// request to see the server&apos;s certificate.</source>
        <translation>Envoyez une requête https:// pour voir le certificat du serveur.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Plain HTTP: no certificate (the connection is not encrypted; use https:// for TLS).</source>
        <translation>HTTP en clair : pas de certificat (la connexion n&apos;est pas chiffrée ; utilisez https:// pour TLS).</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>none</source>
        <translation>aucun</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&lt;b&gt;Session:&lt;/b&gt; %1 &amp;nbsp; &lt;b&gt;Cipher:&lt;/b&gt; %2 &amp;nbsp; &lt;b&gt;ALPN:&lt;/b&gt; %3 &amp;nbsp; &lt;b&gt;Server name (SNI):&lt;/b&gt; %4 &amp;nbsp; &lt;b&gt;Resumed:&lt;/b&gt; %5</source>
        <translation>&lt;b&gt;Session :&lt;/b&gt; %1 &amp;nbsp; &lt;b&gt;Suite de chiffrement :&lt;/b&gt; %2 &amp;nbsp; &lt;b&gt;ALPN :&lt;/b&gt; %3 &amp;nbsp; &lt;b&gt;Nom du serveur (SNI) :&lt;/b&gt; %4 &amp;nbsp; &lt;b&gt;Reprise :&lt;/b&gt; %5</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>yes (an earlier session was reused: no certificate exchange)</source>
        <translation>oui (une session antérieure a été réutilisée : pas d&apos;échange de certificat)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no (full handshake)</source>
        <translation>non (poignée de main TLS complète)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Resumed session: the certificate was checked on the handshake that made the session, and is not sent again.</source>
        <translation>Session reprise : le certificat a été vérifié lors de la poignée de main TLS qui a créé la session, et n&apos;est pas renvoyé.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Verified</source>
        <translation>Vérifié</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the chain leads to a trusted CA and names the host.</source>
        <translation>la chaîne mène à une CA de confiance et nomme l&apos;hôte.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Not verified: %1</source>
        <translation>Non vérifié : %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>connected anyway because &quot;Verify certificate&quot; is off.</source>
        <translation>connecté quand même car « Vérifier le certificat » est désactivé.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Not checked (&quot;Verify certificate&quot; is off); the chain would have verified.</source>
        <translation>Non contrôlé (« Vérifier le certificat » est désactivé) ; la vérification de la chaîne aurait réussi.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Certificate %1: the server&apos;s (leaf)</source>
        <translation>Certificat %1 : celui du serveur (feuille)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Certificate %1: a root CA</source>
        <translation>Certificat %1 : une CA racine</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Certificate %1: an issuer</source>
        <translation>Certificat %1 : un émetteur</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>(not valid yet)</source>
        <translation>(pas encore valide)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>(expired)</source>
        <translation>(expiré)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Subject</source>
        <translation>Sujet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Issuer</source>
        <translation>Émetteur</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>(self-signed)</source>
        <translation>(auto-signé)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Alternative names</source>
        <translation>Noms alternatifs</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not before</source>
        <translation>Pas avant</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not after</source>
        <translation>Pas après</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Key</source>
        <translation>Clé</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Signature</source>
        <translation>Signature</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Serial</source>
        <translation>Numéro de série</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SHA-256</source>
        <translation>SHA-256</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The server sent no certificate (a resumed session does not repeat it).</source>
        <translation>Le serveur n&apos;a envoyé aucun certificat (une session reprise ne le renvoie pas).</translation>
    </message>
</context>
<context>
    <name>sockwb::ComposerCollection</name>
    <message>
        <location filename="../../widgets/composer/composercollection.cpp" line="+19"/>
        <source>Unsaved collection</source>
        <translation>Collection non enregistrée</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Add current</source>
        <translation>Ajouter la requête actuelle</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove</source>
        <translation>Retirer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open...</source>
        <translation>Ouvrir...</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save as...</source>
        <translation>Enregistrer sous...</translation>
    </message>
    <message>
        <location line="+55"/>
        <source>not JSON: %1</source>
        <translation>pas du JSON&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>not a request collection</source>
        <translation>ce n&apos;est pas une collection de requêtes</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Could not save %1: %2</source>
        <translation>Impossible d&apos;enregistrer %1&#xa0;: %2</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+18"/>
        <source>Collection: %1</source>
        <translation>Collection&#xa0;: %1</translation>
    </message>
    <message>
        <location line="-11"/>
        <source>Could not open %1: %2</source>
        <translation>Impossible d&apos;ouvrir %1&#xa0;: %2</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Could not read %1: %2</source>
        <translation>Impossible de lire %1&#xa0;: %2</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Open a request collection</source>
        <translation>Ouvrir une collection de requêtes</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+7"/>
        <source>JSON files (*.json)</source>
        <translation>Fichiers JSON (*.json)</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>Save the request collection</source>
        <translation>Enregistrer la collection de requêtes</translation>
    </message>
</context>
<context>
    <name>sockwb::ComposerCurlDialog</name>
    <message>
        <location filename="../../widgets/composer/composercurldialog.cpp" line="+16"/>
        <source>Import cURL</source>
        <translation>Importer depuis cURL</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Paste a curl command. Understood: -X, -H, -d/--data/--data-raw/--data-binary, --url, -I, -L, --compressed, -A, -e, -u, -G, -m, --http1.0 and quoted arguments.</source>
        <translation>Collez une commande curl. Options comprises&#xa0;: -X, -H, -d/--data/--data-raw/--data-binary, --url, -I, -L, --compressed, -A, -e, -u, -G, -m, --http1.0 et les arguments entre guillemets.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Import</source>
        <translation>Importer</translation>
    </message>
</context>
<context>
    <name>sockwb::ComposerHistory</name>
    <message>
        <location filename="../../widgets/composer/composerhistory.cpp" line="+27"/>
        <source>Search the history</source>
        <translation>Rechercher dans l&apos;historique</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Click to open the request in the form</source>
        <translation>Cliquez pour ouvrir la requête dans le formulaire</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Clear history</source>
        <translation>Effacer l&apos;historique</translation>
    </message>
</context>
<context>
    <name>sockwb::ComposerKeyValueTable</name>
    <message>
        <location filename="../../widgets/composer/composerkeyvaluetable.cpp" line="+14"/>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Value</source>
        <translation>Valeur</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>Added by the client on its own; uncheck to leave it out</source>
        <translation>Ajouté d&apos;office par le client&#xa0;; décochez pour l&apos;omettre</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>The client&apos;s default; type to replace it</source>
        <translation>Valeur par défaut du client&#xa0;; tapez pour la remplacer</translation>
    </message>
</context>
<context>
    <name>sockwb::ComposerRequestEditor</name>
    <message>
        <location filename="../../widgets/composer/composerrequesteditor.cpp" line="+100"/>
        <source>Any token is accepted (letters, digits and !#$%&amp;&apos;*+-.^_`|~)</source>
        <translation>Tout token est accepté (lettres, chiffres et&#xa0;!#$%&amp;&apos;*+-.^_`|~)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>http://127.0.0.1:8080/echo or https://localhost:8443/</source>
        <translation>http://127.0.0.1:8080/echo ou https://localhost:8443/</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Follow redirects (3xx with Location)</source>
        <translation>Suivre les redirections (3xx avec Location)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Ask for a compressed response (gzip, deflate) and decode it</source>
        <translation>Demander une réponse compressée (gzip, deflate) et la décoder</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lenient framing (debugging): accept bare LF and odd chunk extensions in a chunked body</source>
        <translation>Délimitation tolérante (débogage)&#xa0;: accepter les LF seuls et les extensions de chunk inhabituelles dans un corps chunked</translation>
    </message>
    <message>
        <location line="+8"/>
        <source> ms</source>
        <translation> ms</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Timeout (whole exchange):</source>
        <translation>Délai d&apos;attente (échange complet)&#xa0;:</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Params</source>
        <translation>Paramètres</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Headers</source>
        <translation>En-têtes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Body</source>
        <translation>Corps</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Auth</source>
        <translation>Authentification</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Options</source>
        <translation>Options</translation>
    </message>
    <message>
        <location line="+101"/>
        <source>The method is empty: choose GET, POST... or type a token.</source>
        <translation>La méthode est vide&#xa0;: choisissez GET, POST... ou tapez un token.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&apos;%1&apos; is not a valid method: use letters, digits and !#$%&amp;&apos;*+-.^_`|~ only.</source>
        <translation>«&#xa0;%1&#xa0;» n&apos;est pas une méthode valide&#xa0;: n&apos;utilisez que des lettres, des chiffres et&#xa0;!#$%&amp;&apos;*+-.^_`|~.</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Cannot send: %1</source>
        <translation>Envoi impossible&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Resolve (Options tab): %1</source>
        <translation>Résolution (onglet Options) : %1</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>(not sent: no body)</source>
        <translation>(non envoyé&#xa0;: pas de corps)</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Raw request: nothing to send yet</source>
        <translation>Requête brute&#xa0;: rien à envoyer pour le moment</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>Raw request: the exact %n byte(s) Send will write</source>
        <translation>
            <numerusform>Requête brute&#xa0;: exactement %n octet, tel qu&apos;Envoyer l&apos;écrira</numerusform>
            <numerusform>Requête brute&#xa0;: exactement %n octets, tels qu&apos;Envoyer les écrira</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>sockwb::ComposerResponseView</name>
    <message>
        <location filename="../../widgets/composer/composerresponseview.cpp" line="+76"/>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Value</source>
        <translation>Valeur</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>#</source>
        <translation>n°</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>URL</source>
        <translation>URL</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Location</source>
        <translation>Location</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Time</source>
        <translation>Durée</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Body</source>
        <translation>Corps</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Headers</source>
        <translation>En-têtes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Raw</source>
        <translation>Brut</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hex</source>
        <translation>Hexa</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Timing</source>
        <translation>Durées</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Certificate</source>
        <translation>Certificat</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Redirects</source>
        <translation>Redirections</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Trace</source>
        <translation>Trace</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>No response yet</source>
        <translation>Pas encore de réponse</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>
[first %1 of %2 shown]</source>
        <translation>
[%1 premiers sur %2 affichés]</translation>
    </message>
    <message>
        <location line="+11"/>
        <location line="+10"/>
        <source>Error</source>
        <translation>Erreur</translation>
    </message>
    <message>
        <location line="-7"/>
        <source>No response, so no session to show: %1</source>
        <translation>Pas de réponse, donc pas de session à afficher : %1</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>%1 received, then the error: %2</source>
        <translation>Reçu : %1, puis l&apos;erreur : %2</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 ms  -  body %2, %3 received  -  %4 %5</source>
        <translation>%1 ms  -  corps %2, %3 reçus  -  %4 %5</translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>(%n redirect(s))</source>
        <translation>
            <numerusform>(%n redirection)</numerusform>
            <numerusform>(%n redirections)</numerusform>
        </translation>
    </message>
    <message>
        <location line="+39"/>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
</context>
<context>
    <name>sockwb::ComposerTimingChart</name>
    <message>
        <location filename="../../widgets/composer/composertimingchart.cpp" line="+101"/>
        <source>Send a request to see where its time went.</source>
        <translation>Envoyez une requête pour voir où son temps est passé.</translation>
    </message>
    <message>
        <location line="-56"/>
        <source>Resolve</source>
        <translation>Résolution</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Name lookup: the host name turned into an address (curl&apos;s time_namelookup)</source>
        <translation>Résolution de nom : le nom d&apos;hôte converti en adresse (time_namelookup de curl)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Connect</source>
        <translation>Connexion</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>TCP handshake: connect() until the socket is connected (time_connect)</source>
        <translation>Poignée de main TCP : de connect() jusqu&apos;à ce que le socket soit connecté (time_connect)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>TLS handshake</source>
        <translation>Poignée de main TLS</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>TLS handshake: ClientHello to Finished, the certificate checked (curl&apos;s time_appconnect - time_connect); 0 on a reused connection</source>
        <translation>Poignée de main TLS : de ClientHello à Finished, vérification du certificat comprise (time_appconnect - time_connect de curl) ; 0 sur une connexion réutilisée</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Send</source>
        <translation>Envoyer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Writing the request with send()</source>
        <translation>Écriture de la requête avec send()</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Wait (first byte)</source>
        <translation>Attente (premier octet)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>From the request sent to the first byte of the response (time to first byte, the server&apos;s think time)</source>
        <translation>De l&apos;envoi de la requête au premier octet de la réponse (temps jusqu&apos;au premier octet, le temps de réflexion du serveur)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Download</source>
        <translation>Téléchargement</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>From the first byte to the complete response</source>
        <translation>Du premier octet à la réponse complète</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>%1: %2 ms
%3</source>
        <translation>%1 : %2 ms
%3</translation>
    </message>
    <message>
        <location line="+49"/>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Total: %1 ms (kept-alive connection reused: no connect)</source>
        <translation>Total&#xa0;: %1 ms (connexion persistante réutilisée&#xa0;: pas de connect)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Total: %1 ms</source>
        <translation>Total&#xa0;: %1 ms</translation>
    </message>
</context>
<context>
    <name>sockwb::ComposerTlsBox</name>
    <message>
        <location filename="../../widgets/composer/composertlsbox.cpp" line="+24"/>
        <source>TLS (https:// URLs)</source>
        <translation>TLS (URL https://)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Verify certificate (the chain and the host name)</source>
        <translation>Vérifier le certificat (la chaîne et le nom d&apos;hôte)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Off: connect even when the server&apos;s certificate does not verify (curl -k). The result is still shown in the Certificate tab.</source>
        <translation>Désactivé : se connecter même si la vérification du certificat du serveur échoue (curl -k). Le résultat reste affiché dans l&apos;onglet Certificat.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the system&apos;s trusted CAs</source>
        <translation>les CA de confiance du système</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Trust the CAs of this PEM file instead of the system&apos;s (curl --cacert)</source>
        <translation>Faire confiance aux CA de ce fichier PEM plutôt qu&apos;à celles du système (curl --cacert)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>none</source>
        <translation>aucun</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A client certificate (PEM) for servers that ask for one (curl --cert)</source>
        <translation>Un certificat client (PEM) pour les serveurs qui en demandent un (curl --cert)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>in the certificate file</source>
        <translation>dans le fichier du certificat</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The client certificate&apos;s private key (PEM, curl --key)</source>
        <translation>La clé privée du certificat client (PEM, curl --key)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>HOST:PORT:ADDR, e.g. localhost:8443:127.0.0.1</source>
        <translation>HOST:PORT:ADDR, p. ex. localhost:8443:127.0.0.1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Connect to ADDR for HOST:PORT while the URL keeps HOST for the Host header, SNI and the certificate&apos;s name check (curl --resolve); several separated by spaces</source>
        <translation>Se connecter à ADDR pour HOST:PORT tandis que l&apos;URL garde HOST pour l&apos;en-tête Host, le SNI et la vérification du nom du certificat (curl --resolve) ; plusieurs entrées séparées par des espaces</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>CA file:</source>
        <translation>Fichier CA :</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Trust the CAs of</source>
        <translation>Faire confiance aux CA de</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Client certificate:</source>
        <translation>Certificat client :</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Client certificate</source>
        <translation>Certificat client</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Client key:</source>
        <translation>Clé client :</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Client key</source>
        <translation>Clé client</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Resolve:</source>
        <translation>Résolution :</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Browse...</source>
        <translation>Parcourir...</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>PEM files (*.pem *.crt *.cer *.key);;All files (*)</source>
        <translation>Fichiers PEM (*.pem *.crt *.cer *.key);;Tous les fichiers (*)</translation>
    </message>
</context>
<context>
    <name>sockwb::ComposerWindow</name>
    <message>
        <location filename="../../widgets/composer/composerwindow.cpp" line="+69"/>
        <source>Send</source>
        <translation>Envoyer</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Send the request (Ctrl+Return)</source>
        <translation>Envoyer la requête (Ctrl+Entrée)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Copy as cURL</source>
        <translation>Copier en commande cURL</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Import cURL...</source>
        <translation>Importer depuis cURL...</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Try with a local server</source>
        <translation>Essayer avec un serveur local</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Start the workbench&apos;s http service on 127.0.0.1 (if none runs) and send to its /echo</source>
        <translation>Démarre le service http de l&apos;atelier sur 127.0.0.1 (s&apos;il n&apos;en tourne aucun) et envoie la requête à son /echo</translation>
    </message>
    <message>
        <location line="-42"/>
        <source>History</source>
        <translation>Historique</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Collection</source>
        <translation>Collection</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>Export as Code...</source>
        <translation>Exporter en code...</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The C (or Python) program that sends this request&apos;s exact bytes</source>
        <translation>Le programme C (ou Python) qui envoie exactement les octets de cette requête</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Not sent</source>
        <translation>Non envoyée</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Sending...</source>
        <translation>Envoi...</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Cancelled</source>
        <translation>Annulée</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>cancelled</source>
        <translation>annulée</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>error: %1</source>
        <translation>erreur&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>HTTP Composer - %1 %2</source>
        <translation>Compositeur HTTP - %1 %2</translation>
    </message>
    <message>
        <location line="+11"/>
        <location line="+10"/>
        <source>Fix the form first: %1</source>
        <translation>Corrigez d&apos;abord le formulaire&#xa0;: %1</translation>
    </message>
    <message>
        <location line="-6"/>
        <source>curl command copied to the clipboard</source>
        <translation>commande curl copiée dans le presse-papiers</translation>
    </message>
    <message>
        <location line="+21"/>
        <location line="+15"/>
        <source>Imported from curl</source>
        <translation>Importée depuis curl</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Could not start the local http service: %1</source>
        <translation>Impossible de démarrer le service http local&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Local http service on %1 (epoll model)</source>
        <translation>Service http local sur %1 (modèle epoll)</translation>
    </message>
</context>
<context>
    <name>sockwb::ConnectionsTable</name>
    <message>
        <location filename="../../widgets/server/connectionstable.cpp" line="+19"/>
        <source>open</source>
        <translation>ouverte</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>closing</source>
        <translation>fermeture</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>closed</source>
        <translation>fermée</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Peer</source>
        <translation>Pair</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Listener</source>
        <translation>Point d&apos;écoute</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>fd</source>
        <translation>fd</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Worker</source>
        <translation>Exécutant</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Bytes in</source>
        <translation>Octets reçus</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bytes out</source>
        <translation>Octets envoyés</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Since</source>
        <translation>Depuis</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>TLS</source>
        <translation>TLS</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The server&apos;s view of the connection: being served, closing, closed</source>
        <translation>Vue de la connexion côté serveur : en cours de service, en fermeture, fermée</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The TLS version and cipher the handshake agreed (empty until it is done)</source>
        <translation>La version de TLS et la suite de chiffrement convenues par la poignée de main TLS (vide tant qu&apos;elle n&apos;est pas terminée)</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>pid %1</source>
        <translation>pid %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>tid %1</source>
        <translation>tid %1</translation>
    </message>
</context>
<context>
    <name>sockwb::DataView</name>
    <message>
        <location filename="../../widgets/client/dataview.cpp" line="+27"/>
        <source>&amp;Hex</source>
        <translation>He&amp;xa</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Time stamps</source>
        <translation>H&amp;orodatage</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Show the bytes as a hex dump instead of text</source>
        <translation>Afficher les octets en hexadécimal plutôt qu&apos;en texte</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>C&amp;lear</source>
        <translation>E&amp;ffacer</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>%1 older rows dropped</source>
        <translation>%1 lignes plus anciennes supprimées</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>out</source>
        <translation>envoi</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>in</source>
        <translation>réception</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>in from %1</source>
        <translation>réception de %1</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>… %1 more bytes not shown (%2 in all)</source>
        <translation>… %1 octets de plus non affichés (%2 en tout)</translation>
    </message>
</context>
<context>
    <name>sockwb::DirectionFaultsBox</name>
    <message>
        <location filename="../../widgets/relay/directionfaultsbox.cpp" line="+54"/>
        <source>never</source>
        <translation>jamais</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>bytes</source>
        <translation>octets</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ms</source>
        <translation>ms</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <location line="+7"/>
        <source> ms</source>
        <translation> ms</translation>
    </message>
    <message>
        <location line="+1"/>
        <source> %</source>
        <translation> %</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Share of the chunks (TCP) or datagrams (UDP) that wait</source>
        <translation>Part des blocs (TCP) ou des datagrammes (UDP) qui attendent</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Each chunk or datagram waits this long (± the jitter) in the relay</source>
        <translation>Chaque bloc ou datagramme attend ce temps (± la gigue) dans le relais</translation>
    </message>
    <message>
        <location line="+1"/>
        <source> KiB/s</source>
        <translation> KiB/s</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no cap</source>
        <translation>sans limite</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>At most this many KiB per second leave in this direction</source>
        <translation>Au plus ce nombre de KiB par seconde sortent dans ce sens</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+5"/>
        <source> B</source>
        <translation> B</translation>
    </message>
    <message>
        <location line="-4"/>
        <source>whole</source>
        <translation>entier</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Each chunk is written in slices of this many bytes, one send() each: the peer&apos;s recv() gets a message in pieces</source>
        <translation>Chaque bloc est écrit en tranches de ce nombre d&apos;octets, un send() par tranche : le recv() du pair reçoit un message en morceaux</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Pause between two slices</source>
        <translation>Pause entre deux tranches</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>After this many bytes (or ms) both legs are reset (SO_LINGER 0: RST): the peer sees ECONNRESET</source>
        <translation>Après ce nombre d&apos;octets (ou de ms), les deux connexions sont réinitialisées (SO_LINGER 0 : RST) : le pair voit ECONNRESET</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>After this many bytes (or ms) both legs are closed cleanly (FIN)</source>
        <translation>Après ce nombre d&apos;octets (ou de ms), les deux connexions sont fermées proprement (FIN)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Share of the connections the reset, close and stall apply to</source>
        <translation>Part des connexions auxquelles s&apos;appliquent la réinitialisation, la fermeture et le blocage</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stall: stop forwarding (the peer waits forever)</source>
        <translation>Blocage : ne plus transmettre (le pair attend indéfiniment)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Held back and sent after the next datagram</source>
        <translation>Retenu et envoyé après le datagramme suivant</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+5"/>
        <source>of</source>
        <translation>pour</translation>
    </message>
    <message>
        <location line="-4"/>
        <source>&amp;Latency:</source>
        <translation>&amp;Latence:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Bandwidth:</source>
        <translation>&amp;Débit:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>every</source>
        <translation>toutes les</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Slice:</source>
        <translation>Tra&amp;nches:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Reset after:</source>
        <translation>&amp;Réinitialiser après:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Close after:</source>
        <translation>&amp;Fermer après:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Of connections:</source>
        <translation>Part des connexions:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Drop:</source>
        <translation>&amp;Supprimer:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>D&amp;uplicate:</source>
        <translation>D&amp;upliquer:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Re&amp;order:</source>
        <translation>Ré&amp;ordonner:</translation>
    </message>
</context>
<context>
    <name>sockwb::ErrorText</name>
    <message>
        <location filename="../../widgets/common/errortext.cpp" line="+95"/>
        <source>that address</source>
        <translation>cette adresse</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>The address %1 is already in use: another server is listening on that port. Stop it, or choose another port (0 lets the system pick a free one).</source>
        <translation>L&apos;adresse %1 est déjà utilisée&#xa0;: un autre serveur écoute sur ce port. Arrêtez-le ou choisissez un autre port (0 laisse le système en choisir un libre).</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Permission denied for %1: ports below 1024 need administrator rights. Choose a port above 1023.</source>
        <translation>Permission refusée pour %1&#xa0;: les ports inférieurs à 1024 exigent les droits d&apos;administrateur. Choisissez un port supérieur à 1023.</translation>
    </message>
    <message>
        <location line="-5"/>
        <source>%1 is not an address of this machine: bind to 127.0.0.1, 0.0.0.0 or one of its own addresses.</source>
        <translation>%1 n&apos;est pas une adresse de cette machine&#xa0;: liez le socket à 127.0.0.1, à 0.0.0.0 ou à l&apos;une de ses propres adresses.</translation>
    </message>
    <message>
        <location line="-85"/>
        <source>gave up after %1 ms</source>
        <translation>abandon après %1 ms</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>got %1 of %2 bytes</source>
        <translation>reçu %1 octets sur %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 bytes still unsent</source>
        <translation>%1 octets toujours pas envoyés</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 bytes, limit %2</source>
        <translation>%1 octets, limite %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 bytes</source>
        <translation>%1 octets</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>by the user</source>
        <translation>par l&apos;utilisateur</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>more than %1 redirects</source>
        <translation>plus de %1 redirections</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>No server is bound to %1 (start the server first; the file may be left by a stopped one).</source>
        <translation>Aucun serveur n&apos;est lié à %1 (démarrez d&apos;abord le serveur ; le fichier a pu être laissé par un serveur arrêté).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The folder of %1 does not exist.</source>
        <translation>Le dossier de %1 n&apos;existe pas.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>There is no socket file %1 (start the server first, or check the path).</source>
        <translation>Il n&apos;y a pas de fichier socket %1 (démarrez d&apos;abord le serveur, ou vérifiez le chemin).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>A part of the path of %1 is not a folder.</source>
        <translation>Une partie du chemin de %1 n&apos;est pas un dossier.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Something already uses %1: a server answers on that socket, or the file is not a socket. Stop that server, or choose another path.</source>
        <translation>Quelque chose utilise déjà %1 : un serveur répond sur ce socket, ou le fichier n&apos;est pas un socket. Arrêtez ce serveur, ou choisissez un autre chemin.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Permission denied on %1 (the folder or the socket file is not writable for this user).</source>
        <translation>Permission refusée sur %1 (le dossier ou le fichier socket n&apos;est pas accessible en écriture pour cet utilisateur).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The socket %1 is of the other type (stream or datagram).</source>
        <translation>Le socket %1 est de l&apos;autre type (flux ou datagramme).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The peer&apos;s socket has no name (it never bound one), so nothing can be sent back to it: a Unix datagram client must bind a path, or autobind.</source>
        <translation>Le socket du pair n&apos;a pas de nom (il n&apos;a jamais fait de bind), donc rien ne peut lui être renvoyé : un client Unix datagramme doit faire un bind sur un chemin, ou un autobind.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Connection refused: nothing is listening on %1 (start the server first, or check the port).</source>
        <translation>Connexion refusée&#xa0;: rien n&apos;écoute sur %1 (démarrez d&apos;abord le serveur ou vérifiez le port).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Connection refused: nothing is listening on that port.</source>
        <translation>Connexion refusée&#xa0;: rien n&apos;écoute sur ce port.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No free local port is left to connect from.</source>
        <translation>Plus aucun port local libre pour se connecter.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The address is already used by another socket: choose another port (0 lets the system pick a free one).</source>
        <translation>L&apos;adresse est déjà utilisée par un autre socket&#xa0;: choisissez un autre port (0 laisse le système en choisir un libre).</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Cannot connect to %1: the destination is not usable or no free local port is left.</source>
        <translation>Impossible de se connecter à %1&#xa0;: la destination n&apos;est pas utilisable ou il ne reste aucun port local libre.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Cannot connect: the destination is not usable or no free local port is left.</source>
        <translation>Impossible de se connecter&#xa0;: la destination n&apos;est pas utilisable ou il ne reste aucun port local libre.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Binding %1 is not permitted (a security policy forbids it).</source>
        <translation>La liaison à %1 n&apos;est pas autorisée (une politique de sécurité l&apos;interdit).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Permission denied for %1.</source>
        <translation>Permission refusée pour %1.</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Permission denied.</source>
        <translation>Permission refusée.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The operation is not permitted for %1 (a firewall rule or missing privilege).</source>
        <translation>L&apos;opération n&apos;est pas autorisée pour %1 (une règle de pare-feu ou un privilège manquant).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The operation is not permitted (a firewall rule or missing privilege).</source>
        <translation>L&apos;opération n&apos;est pas autorisée (une règle de pare-feu ou un privilège manquant).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This address family is not available here (IPv6 disabled?): %1.</source>
        <translation>Cette famille d&apos;adresses n&apos;est pas disponible ici (IPv6 désactivé&#xa0;?)&#xa0;: %1.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The network is unreachable.</source>
        <translation>Le réseau est inaccessible.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The host cannot be reached.</source>
        <translation>L&apos;hôte est injoignable.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The peer %1 reset the connection (it closed abruptly or crashed).</source>
        <translation>Le pair %1 a réinitialisé la connexion (il a fermé brutalement ou planté).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The peer reset the connection (it closed abruptly or crashed).</source>
        <translation>Le pair a réinitialisé la connexion (il a fermé brutalement ou planté).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The peer closed the connection while we were still sending.</source>
        <translation>Le pair a fermé la connexion alors que nous envoyions encore.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Too many open file descriptors (the limit, ulimit -n, is reached): close some connections first.</source>
        <translation>Trop de descripteurs de fichiers ouverts (la limite, ulimit -n, est atteinte)&#xa0;: fermez d&apos;abord quelques connexions.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The system has too many open files: close some connections first.</source>
        <translation>Le système a trop de fichiers ouverts&#xa0;: fermez d&apos;abord quelques connexions.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The connection was aborted before it could be accepted.</source>
        <translation>La connexion a été interrompue avant d&apos;avoir pu être acceptée.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The socket is not connected.</source>
        <translation>Le socket n&apos;est pas connecté.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The socket is already connected.</source>
        <translation>Le socket est déjà connecté.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>An argument is invalid for %1 in the socket&apos;s current state.</source>
        <translation>Un argument n&apos;est pas valide pour %1 dans l&apos;état actuel du socket.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The message is too large to be sent in one datagram.</source>
        <translation>Le message est trop grand pour être envoyé en un seul datagramme.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The system is out of buffer memory.</source>
        <translation>Le système n&apos;a plus de mémoire pour ses tampons.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The descriptor is not open (a socket used after close?).</source>
        <translation>Le descripteur n&apos;est pas ouvert (un socket utilisé après close&#xa0;?).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The descriptor is not a socket.</source>
        <translation>Le descripteur n&apos;est pas un socket.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Could not create a thread: the thread limit of this process or user is reached (ulimit -u, /proc/sys/kernel/threads-max).</source>
        <translation>Impossible de créer un thread&#xa0;: la limite de threads de ce processus ou de cet utilisateur est atteinte (ulimit -u, /proc/sys/kernel/threads-max).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The operation would block (no data or no room yet).</source>
        <translation>L&apos;opération bloquerait (pas encore de données ou de place).</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>the server</source>
        <translation>le serveur</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>to connect anyway, turn off &quot;Verify certificate&quot; (curl -k, --insecure)</source>
        <translation>pour vous connecter quand même, désactivez « Vérifier le certificat » (curl -k, --insecure)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The certificate of %1 has expired: the server must renew it (or this machine&apos;s clock is wrong); %2.</source>
        <translation>Le certificat présenté par %1 a expiré : le serveur doit le renouveler (ou l&apos;horloge de cette machine est fausse) ; %2.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The certificate of %1 is not valid yet (it starts in the future: check the clocks of both machines); %2.</source>
        <translation>Le certificat présenté par %1 n&apos;est pas encore valide (sa validité commence dans le futur : vérifiez les horloges des deux machines) ; %2.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 presented a self-signed certificate, which no trusted CA vouches for: trust it by choosing it as the CA file (curl --cacert FILE), or %2.</source>
        <translation>%1 a présenté un certificat auto-signé, dont aucune CA de confiance ne se porte garante : faites-lui confiance en le choisissant comme fichier CA (curl --cacert FILE), ou %2.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The certificate of %1 was issued by a CA this machine does not trust: choose that CA&apos;s certificate as the CA file (curl --cacert FILE), or %2.</source>
        <translation>Le certificat présenté par %1 a été émis par une CA à laquelle cette machine ne fait pas confiance : choisissez le certificat de cette CA comme fichier CA (curl --cacert FILE), ou %2.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The certificate of %1 does not name the host in the URL: check the host name (use a name the certificate lists, with --resolve to send it to this address), or %2.</source>
        <translation>Le certificat présenté par %1 ne nomme pas l&apos;hôte de l&apos;URL : vérifiez le nom d&apos;hôte (utilisez un nom que le certificat liste, avec --resolve pour l&apos;envoyer à cette adresse), ou %2.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 and this client have no TLS version in common (this client offers TLS 1.2 and 1.3): check the TLS versions the server allows.</source>
        <translation>%1 et ce client n&apos;ont aucune version de TLS en commun (ce client propose TLS 1.2 et 1.3) : vérifiez les versions de TLS que le serveur autorise.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The TLS handshake with %1 failed: no cipher, group or ALPN protocol in common, or the server refused us (does it require a client certificate?).</source>
        <translation>La poignée de main TLS avec %1 a échoué : aucune suite de chiffrement, aucun groupe ni aucun protocole ALPN en commun, ou le serveur nous a refusés (exige-t-il un certificat client ?).</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 ended the TLS connection with a fatal alert (a client certificate it does not accept, or a setting it refuses).</source>
        <translation>%1 a mis fin à la connexion TLS par une alerte fatale (un certificat client qu&apos;il n&apos;accepte pas, ou un réglage qu&apos;il refuse).</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 does not speak TLS (a plain HTTP server on that port? try http:// instead of https://).</source>
        <translation>%1 ne parle pas TLS (un serveur HTTP en clair sur ce port ? essayez http:// au lieu de https://).</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>A certificate, key or CA file cannot be used: check the path, that the file is PEM, and that the key belongs to the certificate.</source>
        <translation>Un fichier de certificat, de clé ou de CA est inutilisable : vérifiez le chemin, que le fichier est au format PEM, et que la clé correspond au certificat.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>TLS failed.</source>
        <translation>TLS a échoué.</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>TLS with %1 failed.</source>
        <translation>TLS avec %1 a échoué.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 OpenSSL: %2.</source>
        <translation>%1 OpenSSL : %2.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>The operation timed out (%1).</source>
        <translation>Le délai de l&apos;opération est dépassé (%1).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No answer from %1 in time.</source>
        <translation>Pas de réponse de %1 dans le délai.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No answer from %1 in time (%2).</source>
        <translation>Pas de réponse de %1 dans le délai (%2).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The name %1 is not known (check the spelling).</source>
        <translation>Le nom %1 est inconnu (vérifiez l&apos;orthographe).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The name %1 could not be resolved now (no DNS answer, try again).</source>
        <translation>Le nom %1 n&apos;a pas pu être résolu pour l&apos;instant (pas de réponse DNS, réessayez).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The port or service of %1 is not valid.</source>
        <translation>Le port ou le service de %1 n&apos;est pas valide.</translation>
    </message>
    <message>
        <location line="-143"/>
        <source>No answer from %1 in time (wrong host, or a firewall drops the packets).</source>
        <translation>Pas de réponse de %1 dans le délai (mauvais hôte, ou un pare-feu rejette les paquets).</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+128"/>
        <source>The operation timed out.</source>
        <translation>Le délai de l&apos;opération est dépassé.</translation>
    </message>
    <message>
        <location line="-125"/>
        <source>No route to %1: the network or host cannot be reached.</source>
        <translation>Pas de route vers %1&#xa0;: le réseau ou l&apos;hôte est injoignable.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The peer %1 closed the connection while we were still sending.</source>
        <translation>Le pair %1 a fermé la connexion alors que nous envoyions encore.</translation>
    </message>
    <message>
        <location line="+130"/>
        <source>Cannot resolve the host name %1.</source>
        <translation>Impossible de résoudre le nom d&apos;hôte %1.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The peer closed the connection before all the expected bytes arrived (%1).</source>
        <translation>Le pair a fermé la connexion avant que tous les octets attendus soient arrivés (%1).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The peer %1 closed the connection before all the expected bytes arrived (%2).</source>
        <translation>Le pair %1 a fermé la connexion avant que tous les octets attendus soient arrivés (%2).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The datagram was larger than the receive buffer and was cut (%1).</source>
        <translation>Le datagramme était plus grand que le tampon de réception et a été tronqué (%1).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A message is larger than the allowed maximum (%1).</source>
        <translation>Un message dépasse la taille maximale autorisée (%1).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The peer broke the protocol: %1.</source>
        <translation>Le pair n&apos;a pas respecté le protocole&#xa0;: %1.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The peer %1 broke the protocol: %2.</source>
        <translation>Le pair %1 n&apos;a pas respecté le protocole&#xa0;: %2.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cancelled.</source>
        <translation>Annulé.</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Cancelled (%1).</source>
        <translation>Annulé (%1).</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
</context>
<context>
    <name>sockwb::ExperimentTrace</name>
    <message>
        <location filename="../../widgets/sequence/experimenttrace.cpp" line="+54"/>
        <source>experiment</source>
        <translation>expérience</translation>
    </message>
    <message>
        <location line="+86"/>
        <source>Server %1</source>
        <translation>Serveur %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The server was closed</source>
        <translation>Le serveur a été fermé</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n server(s)</source>
        <translation>
            <numerusform>%n serveur</numerusform>
            <numerusform>%n serveurs</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%1, %n client window(s)</source>
        <translation>
            <numerusform>%1, %n fenêtre client</numerusform>
            <numerusform>%1, %n fenêtres client</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>, %n program(s) run</source>
        <translation>
            <numerusform>, %n programme exécuté</numerusform>
            <numerusform>, %n programmes exécutés</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>. Client and run windows opened later join in.</source>
        <translation>. Les fenêtres client et d&apos;exécution ouvertes plus tard s&apos;y ajoutent.</translation>
    </message>
</context>
<context>
    <name>sockwb::ExportDialog</name>
    <message>
        <location filename="../../widgets/export/exportdialog.cpp" line="+36"/>
        <source>Export as Code: %1</source>
        <translation>Exporter en code : %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>C program</source>
        <translation>Programme C</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Python</source>
        <translation>Python</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>C: the raw socket API as the course writes it; Python: the socket module</source>
        <translation>C : l&apos;API socket brute telle que le cours l&apos;écrit ; Python : le module socket</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>&amp;Copy</source>
        <translation>&amp;Copier</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Copy the program to the clipboard</source>
        <translation>Copier le programme dans le presse-papiers</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Save As...</source>
        <translation>&amp;Enregistrer sous...</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Language:</source>
        <translation>Langage :</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>server</source>
        <translation>serveur</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 server</source>
        <translation>serveur %1</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>client</source>
        <translation>client</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>HTTP request</source>
        <translation>requête HTTP</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>This cannot be exported: %1</source>
        <translation>Impossible d&apos;exporter ceci : %1</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Build: %1</source>
        <translation>Compilation : %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Run: %1</source>
        <translation>Exécution : %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Left out: nothing.</source>
        <translation>Omis : rien.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Left out of what the window does:</source>
        <translation>Omis par rapport à ce que fait la fenêtre :</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Copied to the clipboard</source>
        <translation>Copié dans le presse-papiers</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Could not save %1: %2</source>
        <translation>Impossible d&apos;enregistrer %1 : %2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Saved as %1</source>
        <translation>Enregistré sous %1</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>C source (*.c)</source>
        <translation>Source C (*.c)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Python program (*.py)</source>
        <translation>Programme Python (*.py)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save the program</source>
        <translation>Enregistrer le programme</translation>
    </message>
</context>
<context>
    <name>sockwb::FaultsEditor</name>
    <message>
        <location filename="../../widgets/relay/faultseditor.cpp" line="+13"/>
        <source>Same faults in &amp;both directions</source>
        <translation>&amp;Mêmes perturbations dans les deux sens</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>One set of faults for the data going up and the data going down</source>
        <translation>Un seul jeu de perturbations pour les données qui montent et celles qui descendent</translation>
    </message>
    <message>
        <location line="+58"/>
        <source>Both directions</source>
        <translation>Les deux sens</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Up: client → server</source>
        <translation>Montant : client → serveur</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Down: server → client</source>
        <translation>Descendant : serveur → client</translation>
    </message>
</context>
<context>
    <name>sockwb::HeadlessClients</name>
    <message>
        <location filename="../../widgets/client/headlessclients.cpp" line="+86"/>
        <source>waiting</source>
        <translation>en attente</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>connecting</source>
        <translation>connexion en cours</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>connected</source>
        <translation>connecté</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Au Revoir received</source>
        <translation>Au Revoir reçu</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>closed</source>
        <translation>fermé</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>failed</source>
        <translation>échec</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>%1 in / %2 out</source>
        <translation>%1 reçus / %2 envoyés</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 ms (avg %2)</source>
        <translation>%1 ms (moy. %2)</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>#</source>
        <translation>n°</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Bytes in</source>
        <translation>Reçus</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Bytes out</source>
        <translation>Envoyés</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Messages</source>
        <translation>Messages</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Round trip</source>
        <translation>Aller-retour</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Last message</source>
        <translation>Dernier message</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Error</source>
        <translation>Erreur</translation>
    </message>
</context>
<context>
    <name>sockwb::LabClient</name>
    <message>
        <location filename="../../widgets/workspace/labclient.cpp" line="+33"/>
        <source>%1 connecting to %2</source>
        <translation>%1 se connecte à %2</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 could not connect: %2</source>
        <translation>%1 n&apos;a pas pu se connecter : %2</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>%1 connected to %2</source>
        <translation>%1 connecté à %2</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>%1: %2</source>
        <translation>%1 : %2</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>the connection was not made</source>
        <translation>la connexion n&apos;a pas été établie</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1: the connection ended</source>
        <translation>%1 : la connexion est terminée</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>%1 finished its script</source>
        <translation>%1 a terminé son script</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 finished its script, with a failure</source>
        <translation>%1 a terminé son script, avec un échec</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>%1 passed step %2 (%3) after %4 ms</source>
        <translation>%1 a réussi l&apos;étape %2 (%3) après %4 ms</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 failed step %2 (%3): %4</source>
        <translation>%1 a échoué à l&apos;étape %2 (%3) : %4</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 did step %2 (%3)</source>
        <translation>%1 a effectué l&apos;étape %2 (%3)</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>connects to %1</source>
        <translation>se connecte à %1</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>not reached: no connection</source>
        <translation>non atteinte : pas de connexion</translation>
    </message>
</context>
<context>
    <name>sockwb::LabJudge</name>
    <message>
        <location filename="../../widgets/labs/labjudge.cpp" line="+104"/>
        <source>every expectation met</source>
        <translation>toutes les attentes sont satisfaites</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>an expectation was not met (its Script tab says which)</source>
        <translation>une attente n&apos;a pas été satisfaite (son onglet Script indique laquelle)</translation>
    </message>
    <message>
        <location line="+63"/>
        <source>plays its script to the end</source>
        <translation>joue son script jusqu&apos;au bout</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>still playing after %1 ms</source>
        <translation>toujours en cours après %1 ms</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>receives &quot;%1&quot; after at least %2 ms</source>
        <translation>reçoit « %1 » après au moins %2 ms</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>receives &quot;%1&quot;</source>
        <translation>reçoit « %1 »</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>sees the server close</source>
        <translation>voit le serveur fermer la connexion</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>, then </source>
        <translation>, puis </translation>
    </message>
</context>
<context>
    <name>sockwb::LabPanel</name>
    <message>
        <location filename="../../widgets/labs/labpanel.cpp" line="+44"/>
        <source>Predict</source>
        <translation>Prédire</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Run</source>
        <translation>Lancer</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Start the lab&apos;s servers and clients with your prediction recorded</source>
        <translation>Démarrer les serveurs et les clients du TP en enregistrant votre prédiction</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Run without predicting</source>
        <translation>Lancer sans prédire</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Reset</source>
        <translation>Réinitialiser</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Rebuild the lab as it was opened, to run it again</source>
        <translation>Reconstruire le TP tel qu&apos;il a été ouvert, pour le relancer</translation>
    </message>
    <message>
        <location line="+93"/>
        <source>Running... each check shows below as it is decided.</source>
        <translation>En cours... chaque vérification s&apos;affiche ci-dessous dès qu&apos;elle est tranchée.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>PASS %1: %2 (%3)</source>
        <translation>RÉUSSI %1 : %2 (%3)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>FAIL %1: %2 (%3)</source>
        <translation>ÉCHEC %1 : %2 (%3)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Running... waiting for %1.</source>
        <translation>En cours... en attente de %1.</translation>
    </message>
    <message numerus="yes">
        <location line="+10"/>
        <source>Done: all %n check(s) passed.</source>
        <translation>
            <numerusform>Terminé : %n vérification réussie.</numerusform>
            <numerusform>Terminé : les %n vérifications ont réussi.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>Done: %1 of %n check(s) failed.</source>
        <translation>
            <numerusform>Terminé : %1 vérification sur %n a échoué.</numerusform>
            <numerusform>Terminé : %n vérifications, dont %1 en échec.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>(The lab&apos;s time limit passed.)</source>
        <translation>(Le temps imparti au TP est écoulé.)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&lt;b&gt;Your prediction was right.&lt;/b&gt; The answer: %1</source>
        <translation>&lt;b&gt;Votre prédiction était juste.&lt;/b&gt; La réponse : %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&lt;b&gt;Your prediction was not right.&lt;/b&gt; The answer: %1</source>
        <translation>&lt;b&gt;Votre prédiction n&apos;était pas juste.&lt;/b&gt; La réponse : %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&lt;b&gt;The answer:&lt;/b&gt; %1</source>
        <translation>&lt;b&gt;La réponse :&lt;/b&gt; %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&lt;b&gt;Observe:&lt;/b&gt; %1</source>
        <translation>&lt;b&gt;Observez :&lt;/b&gt; %1</translation>
    </message>
</context>
<context>
    <name>sockwb::LabReport</name>
    <message>
        <location filename="../../widgets/workspace/labreport.cpp" line="+46"/>
        <source>receives %1</source>
        <translation>reçoit %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>sees the peer close the connection</source>
        <translation>voit le pair fermer la connexion</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>sends %1</source>
        <translation>envoie %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>closes the connection</source>
        <translation>ferme la connexion</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>waits %1 ms</source>
        <translation>attend %1 ms</translation>
    </message>
    <message>
        <location line="+2"/>
        <source> after at least %1 ms</source>
        <translation> après au moins %1 ms</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>closed after %1 ms</source>
        <translation>fermée après %1 ms</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>received after %1 ms</source>
        <translation>reçu après %1 ms</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>not reached: an earlier step failed</source>
        <translation>non atteinte : une étape précédente a échoué</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>not reached: %1</source>
        <translation>non atteinte : %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>still waiting</source>
        <translation>toujours en attente</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>error: %1</source>
        <translation>erreur : %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the run timed out after %1 ms</source>
        <translation>l&apos;exécution a expiré au bout de %1 ms</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>no check was made</source>
        <translation>aucune vérification n&apos;a été faite</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>all %1 checks passed</source>
        <translation>toutes les vérifications (%1) ont réussi</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1/%2 checks passed</source>
        <translation>%1/%2 vérifications réussies</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>server %1</source>
        <translation>serveur %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>accepts at least 1 connection</source>
        <translation>accepte au moins 1 connexion</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>accepts at least %1 connections</source>
        <translation>accepte au moins %1 connexions</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>accepted %1</source>
        <translation>a accepté %1</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>has at most 1 connection open at once</source>
        <translation>a au plus 1 connexion ouverte à la fois</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>has at most %1 connections open at once</source>
        <translation>a au plus %1 connexions ouvertes à la fois</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 open at once at most</source>
        <translation>au maximum %1 à la fois</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>request %1</source>
        <translation>requête %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>no response</source>
        <translation>pas de réponse</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>no response: %1</source>
        <translation>pas de réponse : %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>is answered with status %1</source>
        <translation>obtient une réponse de statut %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>is answered</source>
        <translation>obtient une réponse</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>status %1</source>
        <translation>statut %1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>is answered with a body containing %1</source>
        <translation>obtient une réponse dont le corps contient %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>found in the %1-byte body</source>
        <translation>trouvé dans le corps de %1 octets</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>not in the %1-byte body</source>
        <translation>absent du corps de %1 octets</translation>
    </message>
</context>
<context>
    <name>sockwb::LabRunner</name>
    <message>
        <location filename="../../widgets/workspace/labrunner.cpp" line="+185"/>
        <source>server %1 did not start: %2</source>
        <translation>le serveur %1 n&apos;a pas démarré : %2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>server %1 (%2) listening on %3</source>
        <translation>serveur %1 (%2) en écoute sur %3</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>relay %1 did not start: %2</source>
        <translation>le relais %1 n&apos;a pas démarré : %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>relay %1 listening on %2, forwarding to %3:%4</source>
        <translation>relais %1 en écoute sur %2, redirige vers %3:%4</translation>
    </message>
    <message>
        <location line="+64"/>
        <source>request %1: %2 %3</source>
        <translation>requête %1 : %2 %3</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>the request cannot be sent as written</source>
        <translation>la requête ne peut pas être envoyée telle quelle</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>the request failed</source>
        <translation>la requête a échoué</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>request %1 answered with status %2</source>
        <translation>requête %1 : réponse de statut %2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>request %1: %2</source>
        <translation>requête %1 : %2</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>the run timed out after %1 ms</source>
        <translation>l&apos;exécution a expiré au bout de %1 ms</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>the run was cancelled</source>
        <translation>l&apos;exécution a été annulée</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>still waiting when the run timed out after %1 ms</source>
        <translation>toujours en attente quand l&apos;exécution a expiré au bout de %1 ms</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>still waiting when the run was cancelled</source>
        <translation>toujours en attente quand l&apos;exécution a été annulée</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>still waiting when the run stopped</source>
        <translation>toujours en attente quand l&apos;exécution s&apos;est arrêtée</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>not sent before the run ended</source>
        <translation>pas envoyée avant la fin de l&apos;exécution</translation>
    </message>
</context>
<context>
    <name>sockwb::LanguageMenu</name>
    <message>
        <location filename="../../widgets/shell/languagemenu.cpp" line="+12"/>
        <source>&amp;Language</source>
        <translation>&amp;Langue</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;System default</source>
        <translation>Langue du &amp;système</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Language</source>
        <translation>Langue</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The new language takes effect at the next start of Socket Workbench.</source>
        <translation>La nouvelle langue prendra effet au prochain démarrage de Socket Workbench.</translation>
    </message>
</context>
<context>
    <name>sockwb::LaunchClientsDialog</name>
    <message>
        <location filename="../../widgets/client/launchclientsdialog.cpp" line="+36"/>
        <source>Launch Clients</source>
        <translation>Lancer des clients</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>TCP</source>
        <translation>TCP</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>UDP</source>
        <translation>UDP</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Unix stream</source>
        <translation>Unix flux</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unix datagram</source>
        <translation>Unix datagramme</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Bonjour… until Au Revoir (clock service)</source>
        <translation>Bonjour… jusqu&apos;à Au Revoir (service clock)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Echo ping every interval (round-trip time)</source>
        <translation>Ping écho à chaque intervalle (temps aller-retour)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Chat bot: a line every interval</source>
        <translation>Robot de chat&#xa0;: une ligne à chaque intervalle</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hold the connection, idle</source>
        <translation>Garder la connexion, sans rien envoyer</translation>
    </message>
    <message>
        <location line="+5"/>
        <source> ms</source>
        <translation> ms</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>[time]nick:message (course)</source>
        <translation>[heure]pseudo:message (cours)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>[HH:MM:SS] nick: message</source>
        <translation>[HH:MM:SS] pseudo: message</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>As client &amp;windows</source>
        <translation>En &amp;fenêtres client</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Headless, in a table</source>
        <translation>&amp;Sans fenêtre, dans un tableau</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Cascaded</source>
        <translation>En cascade</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tiled</source>
        <translation>En mosaïque</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Target:</source>
        <translation>Cible&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Clients:</source>
        <translation>Clients&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Scenario:</source>
        <translation>Scénario&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Interval:</source>
        <translation>Intervalle&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Chat format:</source>
        <translation>Format du chat :</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Run:</source>
        <translation>Exécution&#xa0;:</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Start</source>
        <translation>&amp;Démarrer</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>S&amp;top</source>
        <translation>&amp;Arrêter</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Close &amp;windows</source>
        <translation>Fe&amp;rmer les fenêtres</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>Enter the host to connect to.</source>
        <translation>Saisissez l&apos;hôte auquel se connecter.</translation>
    </message>
    <message numerus="yes">
        <location line="+20"/>
        <source>Opening %n client window(s)…</source>
        <translation>
            <numerusform>Ouverture de %n fenêtre client…</numerusform>
            <numerusform>Ouverture de %n fenêtres client…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+39"/>
        <source>%n client window(s) opened.</source>
        <translation>
            <numerusform>%n fenêtre client ouverte.</numerusform>
            <numerusform>%n fenêtres client ouvertes.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+11"/>
        <source>%1 of %2 clients received &quot;Au Revoir&quot;</source>
        <translation>%1 clients sur %2 ont reçu «&#xa0;Au Revoir&#xa0;»</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>%1 of %2 clients connected</source>
        <translation>%1 clients sur %2 connectés</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>, %n failed (see the Error column)</source>
        <translation>
            <numerusform>, %n en échec (voir la colonne Erreur)</numerusform>
            <numerusform>, %n en échec (voir la colonne Erreur)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>sockwb::LessonWindow</name>
    <message>
        <location filename="../../widgets/lessons/lessonwindow.cpp" line="+31"/>
        <source>Run</source>
        <translation>Lancer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open the socket table</source>
        <translation>Ouvrir la table des sockets</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Lesson: %1</source>
        <translation>Leçon : %1</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Predict, then observe</source>
        <translation>Prédire, puis observer</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Your prediction, before you press Run</source>
        <translation>Votre prédiction, avant d&apos;appuyer sur Lancer</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Every socket on the lesson&apos;s port in the socket table</source>
        <translation>Tous les sockets du port de la leçon dans la table des sockets</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Recv-Q</source>
        <translation>Recv-Q</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Send-Q</source>
        <translation>Send-Q</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Local</source>
        <translation>Local</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Peer</source>
        <translation>Pair</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Bytes not yet read; for a listener: connections waiting in the accept queue</source>
        <translation>Octets pas encore lus ; pour un socket en écoute : connexions en attente dans la file d&apos;attente d&apos;accept</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Bytes not yet acknowledged; for a listener: the accept queue&apos;s bound (backlog)</source>
        <translation>Octets pas encore acquittés ; pour un socket en écoute : la limite de la file d&apos;attente d&apos;accept (backlog)</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Ready: predict, then press Run.</source>
        <translation>Prêt : faites votre prédiction, puis appuyez sur Lancer.</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Running...</source>
        <translation>Exécution...</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Cancelled: everything the lesson opened is closed.</source>
        <translation>Annulé : tout ce que la leçon avait ouvert est fermé.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Done. Compare with what you expected.</source>
        <translation>Terminé. Comparez avec ce que vous attendiez.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Done. You predicted: %1</source>
        <translation>Terminé. Vous aviez prédit : %1</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>accept queue: connections not yet accepted</source>
        <translation>file d&apos;attente d&apos;accept : connexions pas encore acceptées</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the accept queue&apos;s bound (backlog)</source>
        <translation>la limite de la file d&apos;attente d&apos;accept (backlog)</translation>
    </message>
</context>
<context>
    <name>sockwb::LessonWords</name>
    <message>
        <location filename="../../widgets/lessons/lessonwords.cpp" line="+10"/>
        <source>The accept queue fills up</source>
        <translation>La file d&apos;attente d&apos;accept se remplit</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Stopping a server leaves TIME-WAIT</source>
        <translation>Arrêter un serveur laisse des TIME-WAIT</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>SO_REUSEADDR and EADDRINUSE</source>
        <translation>SO_REUSEADDR et EADDRINUSE</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>One send is not one recv: partial reads</source>
        <translation>Un send n&apos;est pas un recv : lectures partielles</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Nagle&apos;s algorithm and TCP_NODELAY</source>
        <translation>L&apos;algorithme de Nagle et TCP_NODELAY</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Closing with FIN or with RST</source>
        <translation>Fermer avec FIN ou avec RST</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>UDP loses datagrams and says nothing</source>
        <translation>UDP perd des datagrammes sans rien dire</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The kernel completes TCP handshakes by itself and keeps the new connections in the listening socket&apos;s accept queue until the program calls accept(). listen(fd, backlog) bounds that queue. An iterative server busy with one client does not call accept(): here an echo server with a backlog of 5 waits for its first client&apos;s data while 20 clients connect at once, each with a 3 s timeout. For a listener, Recv-Q is the accept queue and Send-Q its bound.</source>
        <translation>Le noyau effectue lui-même les poignées de main TCP et garde les nouvelles connexions dans la file d&apos;attente d&apos;accept du socket en écoute jusqu&apos;à ce que le programme appelle accept(). listen(fd, backlog) limite cette file. Un serveur itératif occupé avec un client n&apos;appelle pas accept() : ici, un serveur d&apos;écho avec un backlog de 5 attend les données de son premier client pendant que 20 clients se connectent en même temps, chacun avec un délai d&apos;expiration de 3 s. Pour un socket en écoute, Recv-Q est la file d&apos;attente d&apos;accept et Send-Q sa limite.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The side of a TCP connection that closes first keeps it in TIME-WAIT for twice the maximum segment lifetime (60 s on Linux), so that a late segment of this connection cannot be taken for one of the next. Here an echo server serves 3 clients and then stops while they are connected: its close() sends the first FIN.</source>
        <translation>Le côté d&apos;une connexion TCP qui ferme en premier la garde en TIME-WAIT pendant deux fois la durée de vie maximale d&apos;un segment (60 s sous Linux), afin qu&apos;un segment en retard de cette connexion ne puisse pas être pris pour un segment de la suivante. Ici, un serveur d&apos;écho sert 3 clients puis s&apos;arrête alors qu&apos;ils sont connectés : son close() envoie le premier FIN.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>A port whose old connections are in TIME-WAIT is still in use for bind(): a server restarted at once on the same port fails, unless it sets SO_REUSEADDR before bind(). Here a server stops with 3 clients, then starts again on the same port, first without SO_REUSEADDR, then with it. By hand: stop a server with clients connected and start it again with the option SO_REUSEADDR off.</source>
        <translation>Un port dont d&apos;anciennes connexions sont en TIME-WAIT est toujours utilisé pour bind() : un serveur redémarré aussitôt sur le même port échoue, sauf s&apos;il active SO_REUSEADDR avant bind(). Ici, un serveur s&apos;arrête avec 3 clients, puis redémarre sur le même port, d&apos;abord sans SO_REUSEADDR, puis avec. À la main : arrêtez un serveur alors que des clients sont connectés et redémarrez-le avec l&apos;option SO_REUSEADDR désactivée.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>TCP carries a stream of bytes, not messages: one send() can arrive in several pieces, and recv() returns whatever has arrived. Here an echo server sits behind a relay whose slicer writes what comes back in slices of 100±50 bytes, 5 ms apart. A client sends one 2,000-byte message of 40 lines and calls recv() once; a second client reads through a line framing decoder until every line is whole.</source>
        <translation>TCP transporte un flux d&apos;octets, pas des messages : un send() peut arriver en plusieurs morceaux, et recv() renvoie ce qui est arrivé. Ici, un serveur d&apos;écho se trouve derrière un relais dont le découpeur écrit ce qui revient en tranches de 100±50 octets, espacées de 5 ms. Un client envoie un message de 2&#xa0;000 octets en 40 lignes et appelle recv() une seule fois ; un second client lit à travers un décodeur à délimitation par lignes jusqu&apos;à ce que chaque ligne soit entière.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Nagle&apos;s algorithm holds a small write back while an earlier segment is unacknowledged, so that many small writes leave as one segment; TCP_NODELAY turns it off. On loopback the ACK comes back at once, so here the server delays its ACKs (TCP_QUICKACK off), as a peer across a network does. A client makes 100 writes of 10 bytes, 2 ms apart, first with Nagle (the default), then with TCP_NODELAY; the lesson counts the segments sent (TCP_INFO) and the server&apos;s recv() calls.</source>
        <translation>L&apos;algorithme de Nagle retient une petite écriture tant qu&apos;un segment précédent n&apos;est pas acquitté, afin que de nombreuses petites écritures partent en un seul segment ; TCP_NODELAY le désactive. Sur l&apos;interface de bouclage (loopback), l&apos;ACK revient aussitôt ; ici, le serveur retarde donc ses ACK (TCP_QUICKACK désactivé), comme le fait un pair à travers un réseau. Un client fait 100 écritures de 10 octets, espacées de 2 ms, d&apos;abord avec Nagle (par défaut), puis avec TCP_NODELAY ; la leçon compte les segments envoyés (TCP_INFO) et les appels recv() du serveur.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>close() normally sends a FIN after the data: the peer&apos;s recv() returns 0 (end of stream), and the side that closed first waits in TIME-WAIT. With SO_LINGER on and a 0 s timeout, close() aborts the connection instead: it sends a RST, unsent data is thrown away, the peer&apos;s recv() fails with ECONNRESET and nothing stays in TIME-WAIT. Here a client connects and closes twice, once each way.</source>
        <translation>close() envoie normalement un FIN après les données : le recv() du pair renvoie 0 (fin du flux), et le côté qui a fermé en premier attend en TIME-WAIT. Avec SO_LINGER activé et un délai de 0 s, close() interrompt au contraire la connexion : il envoie un RST, les données non envoyées sont jetées, le recv() du pair échoue avec ECONNRESET et rien ne reste en TIME-WAIT. Ici, un client se connecte et ferme deux fois, une fois de chaque manière.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>UDP neither acknowledges nor retransmits: a lost datagram is simply gone, and nobody is told. Here a UDP echo server sits behind a relay that drops 10 % of the datagrams in each direction. A naive client sends 200 numbered datagrams, one at a time, and waits 50 ms for each echo; the lesson compares what it lost with the relay&apos;s drop counters.</source>
        <translation>UDP n&apos;acquitte rien et ne retransmet rien : un datagramme perdu a tout simplement disparu, et personne n&apos;est prévenu. Ici, un serveur d&apos;écho UDP se trouve derrière un relais qui supprime 10 % des datagrammes dans chaque sens. Un client naïf envoie 200 datagrammes numérotés, un à la fois, et attend chaque écho pendant 50 ms ; la leçon compare ce qu&apos;il a perdu avec les compteurs de suppression du relais.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Of the 20 clients, how many connect() calls succeed, and what happens to the others?</source>
        <translation>Sur les 20 clients, combien d&apos;appels à connect() réussissent, et qu&apos;arrive-t-il aux autres ?</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>After the server has stopped and the clients have closed, which sockets are left on the server&apos;s port, and in which state?</source>
        <translation>Une fois le serveur arrêté et les clients fermés, quels sockets restent sur le port du serveur, et dans quel état ?</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Does the restart without SO_REUSEADDR work? With it?</source>
        <translation>Le redémarrage sans SO_REUSEADDR fonctionne-t-il ? Et avec ?</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>How many of the 2,000 bytes does the single recv() return? How many recv() calls does the framed client need?</source>
        <translation>Combien des 2&#xa0;000 octets l&apos;unique recv() renvoie-t-il ? Combien d&apos;appels recv() faut-il au client avec délimitation ?</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>About how many recv() calls does the server need for the 100 writes, with Nagle and with TCP_NODELAY?</source>
        <translation>Environ combien d&apos;appels recv() faut-il au serveur pour les 100 écritures, avec Nagle et avec TCP_NODELAY ?</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>What does the server&apos;s recv() return after each close, and which close leaves a TIME-WAIT entry?</source>
        <translation>Que renvoie le recv() du serveur après chaque fermeture, et quelle fermeture laisse une entrée TIME-WAIT ?</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>How many of the 200 datagrams get no answer? Can the client tell whether the request or the answer was lost?</source>
        <translation>Combien des 200 datagrammes restent sans réponse ? Le client peut-il savoir si c&apos;est la requête ou la réponse qui a été perdue ?</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The UDP server waits for datagrams on 127.0.0.1:%1.</source>
        <translation>Le serveur UDP attend des datagrammes sur 127.0.0.1:%1.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The server listens on 127.0.0.1:%1 (backlog %2).</source>
        <translation>Le serveur écoute sur 127.0.0.1:%1 (backlog %2).</translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>%n client(s) call connect() on non-blocking sockets.</source>
        <translation>
            <numerusform>%n client appelle connect() sur un socket non bloquant.</numerusform>
            <numerusform>%n clients appellent connect() sur des sockets non bloquants.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The listener&apos;s accept queue holds %1 of %2 (Recv-Q / Send-Q): it is full. %3 client(s) ESTABLISHED, %4 still in SYN-SENT: the kernel drops their SYNs while the queue is full.</source>
        <translation>La file d&apos;attente d&apos;accept du socket en écoute contient %1 sur %2 (Recv-Q / Send-Q) : elle est pleine. %3 client(s) ESTABLISHED, %4 encore en SYN-SENT : le noyau ignore leurs SYN tant que la file est pleine.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>After %1 ms: %2 connect(s) succeeded (%3 waiting in the accept queue, one being served), %4 timed out (%5 still SYN-SENT).</source>
        <translation>Après %1 ms : %2 connect() réussi(s) (%3 en attente dans la file d&apos;attente d&apos;accept, un en cours de service), %4 expiré(s) (%5 encore en SYN-SENT).</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 client(s) connected and got their echo (%2 ESTABLISHED on the server&apos;s side).</source>
        <translation>%1 client(s) connecté(s) ayant reçu leur écho (%2 ESTABLISHED côté serveur).</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The server stopped first: %1 of %2 client(s) read end of stream (recv() returned 0), then closed.</source>
        <translation>Le serveur s&apos;est arrêté en premier : %1 client(s) sur %2 ont lu la fin du flux (recv() a renvoyé 0), puis ont fermé.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 socket(s) in TIME-WAIT on port %2: the server&apos;s side of each connection, although the server is gone.</source>
        <translation>%1 socket(s) en TIME-WAIT sur le port %2 : le côté serveur de chaque connexion, bien que le serveur ait disparu.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Restart without SO_REUSEADDR: %1 %2 TIME-WAIT entr(ies) still hold port %3.</source>
        <translation>Redémarrage sans SO_REUSEADDR : %1 %2 entrée(s) TIME-WAIT occupent encore le port %3.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Restart without SO_REUSEADDR: it started (no TIME-WAIT entry held port %1 any more).</source>
        <translation>Redémarrage sans SO_REUSEADDR : il a démarré (plus aucune entrée TIME-WAIT n&apos;occupait le port %1).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Restart with SO_REUSEADDR: the server listens on port %1 again, next to the TIME-WAIT entries.</source>
        <translation>Redémarrage avec SO_REUSEADDR : le serveur écoute de nouveau sur le port %1, à côté des entrées TIME-WAIT.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>A relay on 127.0.0.1:%1 forwards UDP to port %2, dropping %3 % of the datagrams in each direction.</source>
        <translation>Un relais sur 127.0.0.1:%1 transmet l&apos;UDP vers le port %2, en supprimant %3 % des datagrammes dans chaque sens.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>A relay on 127.0.0.1:%1 forwards to port %2 and writes what the server sends back in slices of %3±%4 bytes, %5 ms apart.</source>
        <translation>Un relais sur 127.0.0.1:%1 transmet vers le port %2 et écrit ce que le serveur renvoie en tranches de %3±%4 octets, espacées de %5 ms.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>One recv() returned %1 of the %2 bytes the server sent back: the rest was still on its way.</source>
        <translation>Un seul recv() a renvoyé %1 des %2 octets renvoyés par le serveur : le reste était encore en route.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>With line framing: %1 of %2 lines whole, from %3 bytes in %4 recv() call(s) (pieces).</source>
        <translation>Avec délimitation par lignes : %1 lignes entières sur %2, à partir de %3 octets en %4 appel(s) recv() (morceaux).</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>TCP_NODELAY on: %1 writes of %2 bytes left in %3 segment(s); the server needed %4 recv() call(s) (%5 bytes, %6 per recv on average).</source>
        <translation>TCP_NODELAY activé : %1 écritures de %2 octets sont parties en %3 segment(s) ; le serveur a eu besoin de %4 appel(s) recv() (%5 octets, %6 par recv en moyenne).</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Nagle on (TCP_NODELAY off): %1 writes of %2 bytes left in %3 segment(s); the server needed %4 recv() call(s) (%5 bytes, %6 per recv on average).</source>
        <translation>Nagle activé (TCP_NODELAY désactivé) : %1 écritures de %2 octets sont parties en %3 segment(s) ; le serveur a eu besoin de %4 appel(s) recv() (%5 octets, %6 par recv en moyenne).</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>returned 0 (end of stream)</source>
        <translation>a renvoyé 0 (fin du flux)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>failed with %1</source>
        <translation>a échoué avec %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>got nothing</source>
        <translation>n&apos;a rien reçu</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>close() with SO_LINGER on, 0 s: the client sent a RST; the server&apos;s recv() %1; %2 TIME-WAIT entr(ies) on the client&apos;s side.</source>
        <translation>close() avec SO_LINGER activé, 0 s : le client a envoyé un RST ; le recv() du serveur %1 ; %2 entrée(s) TIME-WAIT du côté du client.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>A normal close() (SO_LINGER off): the client sent a FIN; the server&apos;s recv() %1; %2 TIME-WAIT entr(ies) on the client&apos;s side.</source>
        <translation>Un close() normal (SO_LINGER désactivé) : le client a envoyé un FIN ; le recv() du serveur %1 ; %2 entrée(s) TIME-WAIT du côté du client.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 datagrams sent: %2 answered, %3 lost (no echo within %4 ms); the relay dropped %5 (requests and answers).</source>
        <translation>%1 datagrammes envoyés : %2 avec réponse, %3 perdus (pas d&apos;écho en %4 ms) ; le relais en a supprimé %5 (requêtes et réponses).</translation>
    </message>
</context>
<context>
    <name>sockwb::LimitsBox</name>
    <message>
        <location filename="../../widgets/server/limitsbox.cpp" line="+26"/>
        <source> ms</source>
        <translation> ms</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Limits and timeouts</source>
        <translation>Limites et délais</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+3"/>
        <location line="+3"/>
        <location line="+17"/>
        <source>no limit</source>
        <translation>sans limite</translation>
    </message>
    <message>
        <location line="-22"/>
        <source>Over this many clients at once, a new one is accepted and closed at once (logged).</source>
        <translation>Au-delà de ce nombre de clients simultanés, un nouveau client est accepté puis fermé aussitôt (consigné dans le journal).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Fork: child processes, thread: client threads alive at once. Over it a client is accepted, then closed with a line in the log.</source>
        <translation>Fork&#xa0;: processus fils, thread&#xa0;: threads clients vivants en même temps. Au-delà, un client est accepté, puis fermé avec une ligne dans le journal.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Memory all connections together may hold (output and request buffers): reads pause when it is reached</source>
        <translation>Mémoire que toutes les connexions ensemble peuvent occuper (tampons de sortie et de requête)&#xa0;: les lectures sont suspendues quand elle est atteinte</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+4"/>
        <location line="+4"/>
        <source>none</source>
        <translation>aucun</translation>
    </message>
    <message>
        <location line="-7"/>
        <source>Closes a connection that receives and sends nothing for this long. Any byte received starts it again, so alone it does not stop a client that sends one byte at a time.</source>
        <translation>Ferme une connexion qui ne reçoit et n&apos;envoie rien pendant ce délai. Chaque octet reçu le relance, donc à lui seul il n&apos;arrête pas un client qui envoie un octet à la fois.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>HTTP: the whole request head must arrive within this time of its first byte, however the bytes trickle in (slowloris); else 408 Request Timeout and close.</source>
        <translation>HTTP&#xa0;: tout l&apos;en-tête de la requête doit arriver dans ce délai après son premier octet, quel que soit le débit des octets (slowloris)&#xa0;; sinon 408 Request Timeout et fermeture.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>HTTP: the longest wait between two reads of a request body; else 408 Request Timeout and close.</source>
        <translation>HTTP&#xa0;: l&apos;attente la plus longue entre deux lectures du corps d&apos;une requête&#xa0;; sinon 408 Request Timeout et fermeture.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>never</source>
        <translation>jamais</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>HTTP: a connection waiting this long for its next request (or its first) is closed without an answer.</source>
        <translation>HTTP&#xa0;: une connexion qui attend sa requête suivante (ou la première) aussi longtemps est fermée sans réponse.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>UDP: replies a second to one address (bursts of twice that). Datagrams from well-known service ports or from the server&apos;s own address are never answered; with this limit a reflection loop between two services ends at once. A load test from this machine needs &quot;no limit&quot;.</source>
        <translation>UDP&#xa0;: réponses par seconde vers une même adresse (rafales du double). Les datagrammes venant des ports de services bien connus ou de l&apos;adresse du serveur lui-même ne reçoivent jamais de réponse&#xa0;; avec cette limite, une boucle de réflexion entre deux services s&apos;arrête aussitôt. Un test de charge depuis cette machine demande «&#xa0;sans limite&#xa0;».</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Chat: a client with more than HARD bytes queued for it, or more than SOFT for SECONDS, does not read and is closed. Sizes in bytes or with K, M, G; 0 turns a limit off.</source>
        <translation>Chat&#xa0;: un client qui a plus de HARD octets en attente pour lui, ou plus de SOFT pendant SECONDS, ne lit pas et est fermé. Tailles en octets ou avec K, M, G&#xa0;; 0 désactive une limite.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source> /s</source>
        <translation> /s</translation>
    </message>
    <message>
        <location line="+1"/>
        <source> MiB</source>
        <translation> Mio</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Max connections:</source>
        <translation>Connexions max.&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Max workers:</source>
        <translation>Workers max.&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Memory budget:</source>
        <translation>Budget mémoire&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Idle timeout:</source>
        <translation>Délai d&apos;inactivité&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Header timeout:</source>
        <translation>Délai de l&apos;en-tête&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Body timeout:</source>
        <translation>Délai du corps&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Keep-alive timeout:</source>
        <translation>Délai keep-alive&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>UDP replies per address:</source>
        <translation>Réponses UDP par adresse&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Output limit (HARD,SOFT,SECONDS):</source>
        <translation>Limite de sortie (HARD,SOFT,SECONDS)&#xa0;:</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>Output limit &quot;%1&quot;: expected HARD[,SOFT,SECONDS], e.g. 8M,2M,60 (SOFT below HARD; 0 turns a limit off).</source>
        <translation>Limite de sortie «&#xa0;%1&#xa0;»&#xa0;: HARD[,SOFT,SECONDS] attendu, par ex. 8M,2M,60 (SOFT inférieur à HARD&#xa0;; 0 désactive une limite).</translation>
    </message>
</context>
<context>
    <name>sockwb::ListenerTable</name>
    <message>
        <location filename="../../widgets/server/listenertable.cpp" line="+23"/>
        <source>Service</source>
        <translation>Service</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Protocol</source>
        <translation>Protocole</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Port</source>
        <translation>Port</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Bind address or socket path</source>
        <translation>Adresse de bind ou chemin du socket</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Add listener</source>
        <translation>Ajouter un point d&apos;écoute</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Remove</source>
        <translation>Retirer</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>0 (automatic)</source>
        <translation>0 (automatique)</translation>
    </message>
    <message>
        <location line="+53"/>
        <source>Extra listener %1: %2</source>
        <translation>Point d&apos;écoute supplémentaire %1 : %2</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Extra listener %1: &quot;%2&quot; is not an IP address.</source>
        <translation>Point d&apos;écoute supplémentaire %1&#xa0;: «&#xa0;%2&#xa0;» n&apos;est pas une adresse IP.</translation>
    </message>
</context>
<context>
    <name>sockwb::LogView</name>
    <message>
        <location filename="../../widgets/common/logview.cpp" line="+28"/>
        <source>Clear</source>
        <translation>Effacer</translation>
    </message>
    <message numerus="yes">
        <location line="+76"/>
        <source>%n line(s)</source>
        <translation>
            <numerusform>%n ligne</numerusform>
            <numerusform>%n lignes</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>, %1 older dropped (keeps the last %2)</source>
        <translation>, %1 plus anciennes supprimées (garde les %2 dernières)</translation>
    </message>
</context>
<context>
    <name>sockwb::ProgramCheckText</name>
    <message>
        <location filename="../../widgets/run/programchecktext.cpp" line="+9"/>
        <source>%1 is dynamically linked: its socket calls are traced</source>
        <translation>%1 est lié dynamiquement : ses appels socket sont tracés</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 is a script: the calls of its interpreter are traced</source>
        <translation>%1 est un script : les appels de son interpréteur sont tracés</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 is statically linked: no dynamic loader runs, so LD_PRELOAD cannot trace it (rebuild it without -static, or use strace -f)</source>
        <translation>%1 est lié statiquement : aucun chargeur dynamique ne s&apos;exécute, donc LD_PRELOAD ne peut pas le tracer (recompilez-le sans -static, ou utilisez strace -f)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 is setuid/setgid: the dynamic loader ignores LD_PRELOAD for it, so it cannot be traced (run a copy without the setuid bit)</source>
        <translation>%1 est setuid/setgid : le chargeur dynamique ignore LD_PRELOAD pour lui, il ne peut donc pas être tracé (lancez une copie sans le bit setuid)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1: no such program (give its path, e.g. ./my_server)</source>
        <translation>%1 : programme introuvable (donnez son chemin, p. ex. ./my_server)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 is not an executable file (chmod +x? a directory?)</source>
        <translation>%1 n&apos;est pas un fichier exécutable (chmod +x ? un répertoire ?)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 is neither an ELF program nor a script: it cannot run</source>
        <translation>%1 n&apos;est ni un programme ELF ni un script : il ne peut pas s&apos;exécuter</translation>
    </message>
</context>
<context>
    <name>sockwb::ProgramRunner</name>
    <message>
        <location filename="../../widgets/run/programrunner.cpp" line="+74"/>
        <source>%1 was not found next to the workbench</source>
        <translation>%1 est introuvable à côté de Socket Workbench</translation>
    </message>
</context>
<context>
    <name>sockwb::ProgramSocketsModel</name>
    <message>
        <location filename="../../widgets/run/programsocketsmodel.cpp" line="+10"/>
        <source>TCP listening</source>
        <translation>TCP en écoute</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>TCP connected</source>
        <translation>TCP connecté</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unix listening</source>
        <translation>Unix en écoute</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>open</source>
        <translation>ouvert</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>listening</source>
        <translation>en écoute</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>connecting</source>
        <translation>connexion en cours</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>connected</source>
        <translation>connecté</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>refused</source>
        <translation>refusé</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>shut RD</source>
        <translation>fermé RD (shutdown)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>shut WR</source>
        <translation>fermé WR (shutdown)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>shut RD+WR</source>
        <translation>fermé RD+WR (shutdown)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>closed</source>
        <translation>fermé</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>pid</source>
        <translation>pid</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>fd</source>
        <translation>fd</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>kind</source>
        <translation>type</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>local</source>
        <translation>local</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>peer</source>
        <translation>pair</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>state</source>
        <translation>état</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>in</source>
        <translation>reçu</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>out</source>
        <translation>envoyé</translation>
    </message>
</context>
<context>
    <name>sockwb::RefusalText</name>
    <message>
        <location filename="../../widgets/common/refusaltext.cpp" line="+25"/>
        <source>unknown model &apos;%1&apos;: valid models are %2</source>
        <translation>modèle «&#xa0;%1&#xa0;» inconnu&#xa0;: les modèles valides sont %2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>unknown service &apos;%1&apos;: the services are %2</source>
        <translation>service «&#xa0;%1&#xa0;» inconnu&#xa0;: les services sont %2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the %1 service relays lines between connected clients, and UDP has no connections: use TCP</source>
        <translation>le service %1 relaie les lignes entre clients connectés, et UDP n&apos;a pas de connexion&#xa0;: utilisez TCP</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the %1 service has no UDP form: use TCP</source>
        <translation>le service %1 n&apos;existe pas en UDP&#xa0;: utilisez TCP</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the %1 service has no TCP form: use UDP</source>
        <translation>le service %1 n&apos;existe pas en TCP&#xa0;: utilisez UDP</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the %1 service cannot run under fork: each client lives in its own process, so lines cannot be relayed</source>
        <translation>le service %1 ne peut pas tourner sous fork&#xa0;: chaque client vit dans son propre processus, les lignes ne peuvent donc pas être relayées</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the %1 service cannot run under iterative: one client at a time cannot talk to anyone</source>
        <translation>le service %1 ne peut pas tourner en itératif&#xa0;: un seul client à la fois ne peut parler à personne</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>UDP has no connections to hand to a worker process: serve UDP with iterative, select, poll or epoll</source>
        <translation>UDP n&apos;a pas de connexion à confier à un processus de travail&#xa0;: servez UDP avec iterative, select, poll ou epoll</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>UDP has no connections to hand to a worker thread: serve UDP with iterative, select, poll or epoll</source>
        <translation>UDP n&apos;a pas de connexion à confier à un thread de travail&#xa0;: servez UDP avec iterative, select, poll ou epoll</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>the %1 model cannot run here: %2</source>
        <translation>le modèle %1 ne peut pas fonctionner ici : %2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the iterative model serves one UDP listener in its recvfrom loop: use select, poll or epoll to host several services in one server</source>
        <translation>le modèle itératif sert un seul point d&apos;écoute UDP dans sa boucle recvfrom&#xa0;: utilisez select, poll ou epoll pour héberger plusieurs services dans un même serveur</translation>
    </message>
</context>
<context>
    <name>sockwb::RelayChart</name>
    <message>
        <location filename="../../widgets/relay/relaychart.cpp" line="+27"/>
        <source>up</source>
        <translation>montant</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>down</source>
        <translation>descendant</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Bytes/s up and down</source>
        <translation>Octets/s montants et descendants</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>seconds ago</source>
        <translation>secondes écoulées</translation>
    </message>
</context>
<context>
    <name>sockwb::RelayCounters</name>
    <message>
        <location filename="../../widgets/relay/relaycounters.cpp" line="+25"/>
        <source>Up (client → server)</source>
        <translation>Montant (client → serveur)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Down (server → client)</source>
        <translation>Descendant (serveur → client)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>bytes forwarded</source>
        <translation>octets transmis</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>chunks / datagrams</source>
        <translation>blocs / datagrammes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>writes</source>
        <translation>écritures</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>delayed</source>
        <translation>retardés</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>sliced</source>
        <translation>découpés</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>throttled</source>
        <translation>bridés</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>connections reset</source>
        <translation>connexions réinitialisées</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>connections closed</source>
        <translation>connexions fermées</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>stalled</source>
        <translation>bloquées</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>datagrams dropped</source>
        <translation>datagrammes supprimés</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>duplicated</source>
        <translation>dupliqués</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>reordered</source>
        <translation>réordonnés</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>connections: accepted %1 · active %2 · refused %3 · errors %4</source>
        <translation>connexions : acceptées %1 · actives %2 · refusées %3 · erreurs %4</translation>
    </message>
</context>
<context>
    <name>sockwb::RelayForm</name>
    <message>
        <location filename="../../widgets/relay/relayform.cpp" line="+45"/>
        <source>New Relay</source>
        <translation>Nouveau relais</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>TCP</source>
        <translation>TCP</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>UDP</source>
        <translation>UDP</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>0 (automatic)</source>
        <translation>0 (automatique)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>0 lets the kernel pick a free port; the panel shows the one chosen.</source>
        <translation>Avec 0, le noyau choisit un port libre ; le panneau affiche celui qui a été choisi.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The server the relay forwards to: a name or an address</source>
        <translation>Le serveur vers lequel le relais transmet : un nom ou une adresse</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The server&apos;s port</source>
        <translation>Le port du serveur</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Relay</source>
        <translation>Relais</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Protocol:</source>
        <translation>&amp;Protocole:</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Listen on:</source>
        <translation>É&amp;couter sur:</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Forward to:</source>
        <translation>&amp;Transmettre à:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Faults (change them live in the relay&apos;s panel)</source>
        <translation>Perturbations (modifiables en direct dans le panneau du relais)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Start</source>
        <translation>Démarrer</translation>
    </message>
    <message>
        <location line="+56"/>
        <source>&quot;%1&quot; is not an IP address to listen on: use 127.0.0.1, 0.0.0.0, ::1 or ::.</source>
        <translation>« %1 » n&apos;est pas une adresse IP sur laquelle écouter : utilisez 127.0.0.1, 0.0.0.0, ::1 ou ::.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Enter the host of the server to forward to, e.g. 127.0.0.1.</source>
        <translation>Saisissez l&apos;hôte du serveur vers lequel relayer, par ex. 127.0.0.1.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Enter the port of the server to forward to.</source>
        <translation>Saisissez le port du serveur vers lequel relayer.</translation>
    </message>
</context>
<context>
    <name>sockwb::RelayPanel</name>
    <message>
        <location filename="../../widgets/relay/relaypanel.cpp" line="+47"/>
        <source>Start</source>
        <translation>Démarrer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stop</source>
        <translation>Arrêter</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Faults</source>
        <translation>Perturbations</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Log</source>
        <translation>Journal</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Trace</source>
        <translation>Trace</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sequence</source>
        <translation>Séquence</translation>
    </message>
    <message>
        <location line="+54"/>
        <source>starting %1...</source>
        <translation>démarrage de %1...</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>The relay could not start: %1</source>
        <translation>Le relais n&apos;a pas pu démarrer : %1</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>relaying %1</source>
        <translation>relaie %1</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>stopped</source>
        <translation>arrêté</translation>
    </message>
    <message>
        <location line="+71"/>
        <source>%1 relay lines dropped: too many to show</source>
        <translation>%1 lignes du relais supprimées : trop nombreuses pour être affichées</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Stopped: %1</source>
        <translation>Arrêté : %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Starting...</source>
        <translation>Démarrage...</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Stopping...</source>
        <translation>Arrêt...</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Not running: %1</source>
        <translation>Pas en marche : %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Relaying: %1</source>
        <translation>Relais actif : %1</translation>
    </message>
</context>
<context>
    <name>sockwb::RelayTargetButton</name>
    <message>
        <location filename="../../widgets/relay/relaytargetbutton.cpp" line="+11"/>
        <source>Through a relay</source>
        <translation>Via un relais</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Aim this client at a running relay (Workbench &gt; New Relay): its data then goes through the relay&apos;s faults</source>
        <translation>Diriger ce client vers un relais en marche (Atelier &gt; Nouveau relais) : ses données subissent alors les perturbations du relais</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>No relay is running</source>
        <translation>Aucun relais n&apos;est en marche</translation>
    </message>
</context>
<context>
    <name>sockwb::RunWindow</name>
    <message>
        <location filename="../../widgets/run/runwindow.cpp" line="+43"/>
        <source>It runs without a trace.</source>
        <translation>Il s&apos;exécute sans trace.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>&amp;Trace</source>
        <translation>T&amp;race</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Connections</source>
        <translation>&amp;Connexions</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Se&amp;quence</source>
        <translation>Sé&amp;quence</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Run a program</source>
        <translation>Exécuter un programme</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>What the program writes on stdout and stderr (in red)</source>
        <translation>Ce que le programme écrit sur stdout et stderr (en rouge)</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The program could not start: %1</source>
        <translation>Le programme n&apos;a pas pu démarrer : %1</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>./my_server</source>
        <translation>./my_server</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+17"/>
        <source>Browse...</source>
        <translation>Parcourir...</translation>
    </message>
    <message>
        <location line="-10"/>
        <source>&amp;Program:</source>
        <translation>&amp;Programme :</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>8080 (split as a shell does: quotes keep spaces)</source>
        <translation>8080 (découpé comme le fait un shell : les guillemets gardent les espaces)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Arguments:</source>
        <translation>&amp;Arguments :</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the workbench&apos;s current folder</source>
        <translation>le dossier courant de Socket Workbench</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Working folder:</source>
        <translation>&amp;Dossier de travail :</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Run</source>
        <translation>&amp;Lancer</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Stop</source>
        <translation>Arrê&amp;ter</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Statically linked and setuid programs, and calls made with syscall(2), cannot be traced.</source>
        <translation>Les programmes liés statiquement et les programmes setuid, ainsi que les appels faits avec syscall(2), ne peuvent pas être tracés.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Program to run</source>
        <translation>Programme à exécuter</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Working folder</source>
        <translation>Dossier de travail</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>The arguments have a quote that is not closed.</source>
        <translation>Les arguments contiennent un guillemet non fermé.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Which program? Give its path, e.g. ./my_server.</source>
        <translation>Quel programme ? Donnez son chemin, p. ex. ./my_server.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Running (pid %1): its socket calls appear below.</source>
        <translation>En cours d&apos;exécution (pid %1) : ses appels socket apparaissent ci-dessous.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Stopping (SIGTERM, then SIGKILL after a second)...</source>
        <translation>Arrêt (SIGTERM, puis SIGKILL au bout d&apos;une seconde)...</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>The program was killed by signal %1 (SIG%2).</source>
        <translation>Le programme a été tué par le signal %1 (SIG%2).</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The program exited with status %1.</source>
        <translation>Le programme s&apos;est terminé avec le code %1.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
</context>
<context>
    <name>sockwb::ScriptPanel</name>
    <message>
        <location filename="../../widgets/client/scriptpanel.cpp" line="+35"/>
        <source> ms</source>
        <translation> ms</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>&amp;Add</source>
        <translation>&amp;Ajouter</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remo&amp;ve</source>
        <translation>&amp;Supprimer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>U&amp;p</source>
        <translation>&amp;Monter</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Do&amp;wn</source>
        <translation>&amp;Descendre</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>P&amp;lay</source>
        <translation>&amp;Jouer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>S&amp;top</source>
        <translation>Arrê&amp;ter</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Step</source>
        <translation>Étape</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Text</source>
        <translation>Texte</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Delay</source>
        <translation>Délai</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Within</source>
        <translation>Au plus tard</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Not before</source>
        <translation>Pas avant</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Result</source>
        <translation>Résultat</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Send: the bytes; Expect: the text awaited. Escapes \n \r \t \0 \\ \xHH work; no framing is added.</source>
        <translation>Envoyer : les octets ; Attendre : le texte attendu. Les échappements \n \r \t \0 \\ \xHH fonctionnent ; aucun délimiteur de message n&apos;est ajouté.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Send, Wait, Close: how long after the previous step ended</source>
        <translation>Envoyer, Patienter, Fermer : combien de temps après la fin de l&apos;étape précédente</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Expect: fails when nothing came this long after the previous step</source>
        <translation>Attendre : échoue si rien n&apos;est arrivé dans ce délai après l&apos;étape précédente</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Expect: fails when it came earlier than this after the connection opened (&quot;after ≥ 2 s&quot; is 2000 ms)</source>
        <translation>Attendre : échoue si le texte est arrivé plus tôt que ce délai après l&apos;ouverture de la connexion (« après ≥ 2 s » correspond à 2000 ms)</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Plays the steps now if connected, else as soon as the window connects</source>
        <translation>Joue les étapes maintenant si la fenêtre est connectée, sinon dès qu&apos;elle se connecte</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>Send</source>
        <translation>Envoyer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Expect</source>
        <translation>Attendre</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Expect close</source>
        <translation>Attendre la fermeture</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Wait</source>
        <translation>Patienter</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>any time</source>
        <translation>à tout moment</translation>
    </message>
    <message>
        <location line="+75"/>
        <source>Step %1: %2</source>
        <translation>Étape %1 : %2</translation>
    </message>
    <message>
        <location line="+102"/>
        <location line="+40"/>
        <source>running…</source>
        <translation>en cours…</translation>
    </message>
    <message>
        <location line="-39"/>
        <source>stopped</source>
        <translation>arrêté</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stopped; %1 of %2 expectations met</source>
        <translation>Arrêté ; %1 attentes satisfaites sur %2</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>done</source>
        <translation>terminé</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>✓ passed</source>
        <translation>✓ réussi</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>✗ failed: %1</source>
        <translation>✗ échec : %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>skipped</source>
        <translation>ignoré</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>skipped: %1</source>
        <translation>ignoré : %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>at %1 ms</source>
        <translation>à %1 ms</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>%1 of %2 expectations met</source>
        <translation>%1 attentes satisfaites sur %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Playing step %1 of %2; %3 of %4 expectations met so far</source>
        <translation>Étape %1 sur %2 en cours ; %3 attentes satisfaites sur %4 jusqu&apos;ici</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Waiting for the connection</source>
        <translation>En attente de la connexion</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>No steps: Add one, then Play.</source>
        <translation>Aucune étape : ajoutez-en une avec Ajouter, puis cliquez sur Jouer.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Steps: %1, expectations: %2</source>
        <translation>Étapes : %1, attentes : %2</translation>
    </message>
</context>
<context>
    <name>sockwb::SendPanel</name>
    <message>
        <location filename="../../widgets/client/sendpanel.cpp" line="+34"/>
        <source>C&amp;hat mode</source>
        <translation>Mode c&amp;hat</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Send</source>
        <translation>&amp;Envoyer</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Text to send: escapes \n \r \t \xHH work. Ctrl+Enter sends.</source>
        <translation>Texte à envoyer&#xa0;: les échappements \n \r \t \xHH fonctionnent. Ctrl+Entrée envoie.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Text</source>
        <translation>Texte</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hex</source>
        <translation>Hexa</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Text with escapes, or hex digits (&quot;42 6f 6e&quot;)</source>
        <translation>Texte avec échappements, ou chiffres hexadécimaux («&#xa0;42 6f 6e&#xa0;»)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No line ending</source>
        <translation>Pas de fin de ligne</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>LF (\n)</source>
        <translation>LF (\n)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CRLF (\r\n)</source>
        <translation>CRLF (\r\n)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Raw</source>
        <translation>Brut</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Line</source>
        <translation>Ligne</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Length (32-bit)</source>
        <translation>Longueur (32 bits)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Raw: the bytes as they are. Line: one message per line. Length: a 4-byte big-endian length before each message.</source>
        <translation>Brut&#xa0;: les octets tels quels. Ligne&#xa0;: un message par ligne. Longueur&#xa0;: une longueur sur 4 octets gros-boutiste avant chaque message.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Send each message as a chat client does, from the nickname</source>
        <translation>Envoyer chaque message comme le fait un client de chat, depuis le pseudo</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>nickname</source>
        <translation>pseudo</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>[time]nick:message (course)</source>
        <translation>[heure]pseudo:message (cours)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>[HH:MM:SS] nick: message</source>
        <translation>[HH:MM:SS] pseudo: message</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The course&apos;s chat client sends sprintf(&quot;[%d]%s:%s&quot;, time(NULL), pseudo, message), the message ending with its newline</source>
        <translation>Le client de chat du cours envoie sprintf(&quot;[%d]%s:%s&quot;, time(NULL), pseudo, message), le message se terminant par son saut de ligne</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Send (Ctrl+Enter)</source>
        <translation>Envoyer (Ctrl+Entrée)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>What was sent; double-click to put it back in the box</source>
        <translation>Ce qui a été envoyé&#xa0;; double-cliquez pour le remettre dans la zone de saisie</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>History</source>
        <translation>Historique</translation>
    </message>
    <message>
        <location line="+56"/>
        <source>anonymous</source>
        <translation>anonyme</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>The message is too large for its framing.</source>
        <translation>Le message est trop grand pour le format de trame choisi.</translation>
    </message>
</context>
<context>
    <name>sockwb::SequenceCanvas</name>
    <message>
        <location filename="../../widgets/sequence/sequencecanvas.cpp" line="+121"/>
        <source>time</source>
        <translation>temps</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>time (folded)</source>
        <translation>temps (replié)</translation>
    </message>
</context>
<context>
    <name>sockwb::SequenceDetails</name>
    <message>
        <location filename="../../widgets/sequence/sequencedetails.cpp" line="+44"/>
        <source>The call as the trace shows it</source>
        <translation>L&apos;appel tel que la trace le montre</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Text</source>
        <translation>Texte</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hex</source>
        <translation>Hexa</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Click a call or an arrow to see its bytes</source>
        <translation>Cliquez sur un appel ou une flèche pour voir ses octets</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>at %1 (%2), pid %3, thread %4</source>
        <translation>à %1 (%2), pid %3, thread %4</translation>
    </message>
    <message>
        <location line="+13"/>
        <location line="+22"/>
        <source>%1 (TLS: %2)</source>
        <translation>%1 (TLS : %2)</translation>
    </message>
    <message>
        <location line="-9"/>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1: %2 → %3</source>
        <translation>%1 : %2 → %3</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1
%2</source>
        <translation>%1
%2</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>first %1 of %2 bytes (the trace keeps the first %3 of each call)</source>
        <translation>%1 premiers octets sur %2 (la trace garde les %3 premiers de chaque appel)</translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>%n byte(s)</source>
        <translation>
            <numerusform>%n octet</numerusform>
            <numerusform>%n octets</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>no bytes</source>
        <translation>aucun octet</translation>
    </message>
</context>
<context>
    <name>sockwb::SequenceExport</name>
    <message>
        <location filename="../../widgets/sequence/sequenceexport.cpp" line="+68"/>
        <source>Cannot write %1: %2</source>
        <translation>Impossible d&apos;écrire %1 : %2</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Sequence diagram</source>
        <translation>Diagramme de séquence</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Socket calls and the exchanges between them, by Socket Workbench</source>
        <translation>Appels socket et échanges entre eux, par Socket Workbench</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+22"/>
        <source>Cannot write %1</source>
        <translation>Impossible d&apos;écrire %1</translation>
    </message>
    <message>
        <location line="-8"/>
        <source>Not enough memory for a %1 × %2 picture</source>
        <translation>Mémoire insuffisante pour une image de %1 × %2</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>The picture was cut at %1 × %2 pixels (the diagram is %3 × %4): export a range of rows (Shift+click a second call) or SVG for the rest.</source>
        <translation>L&apos;image a été coupée à %1 × %2 pixels (le diagramme fait %3 × %4) : exportez une plage de lignes (Maj+clic sur un second appel) ou exportez en SVG pour le reste.</translation>
    </message>
</context>
<context>
    <name>sockwb::SequenceText</name>
    <message>
        <location filename="../../widgets/sequence/sequencetext.cpp" line="+21"/>
        <location line="+1"/>
        <location line="+1"/>
        <location line="+113"/>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <location line="-112"/>
        <source>%1 = %2</source>
        <translation>%1 = %2</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>process calls</source>
        <translation>appels du processus</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>client</source>
        <translation>client</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>listening</source>
        <translation>en écoute</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>accepted</source>
        <translation>accepté</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>datagram</source>
        <translation>datagramme</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>socket</source>
        <translation>socket</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 fd %2</source>
        <translation>%1 fd %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 (inherited)</source>
        <translation>%1 (hérité)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1, closed</source>
        <translation>%1, fermé</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1 → %2</source>
        <translation>%1 → %2</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>?</source>
        <translation>?</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>pid %1</source>
        <translation>pid %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>pid %1 %2</source>
        <translation>pid %1 %2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>fork child of %1</source>
        <translation>fils de %1 (fork)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Handshake</source>
        <translation>Poignée de main</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Data</source>
        <translation>Données</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>FIN (end of stream)</source>
        <translation>FIN (fin du flux)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>RST (reset)</source>
        <translation>RST (réinitialisation)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Datagram</source>
        <translation>Datagramme</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Lost datagram</source>
        <translation>Datagramme perdu</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The TCP three-way handshake (SYN, SYN-ACK, ACK): what connect() waits for. The kernel completes it and puts the connection in the listening socket&apos;s queue; accept() then takes it out as a new socket.</source>
        <translation>La poignée de main TCP en trois temps (SYN, SYN-ACK, ACK) : ce qu&apos;attend connect(). Le noyau la termine et place la connexion dans la file d&apos;attente du socket d&apos;écoute ; accept() l&apos;en retire ensuite sous la forme d&apos;un nouveau socket.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Bytes of the stream: send() copied them to the kernel, recv() read them. TCP keeps no message boundaries: one send may be read by several recvs, several sends by one recv.</source>
        <translation>Octets du flux : send() les a copiés dans le noyau, recv() les a lus. TCP ne conserve pas les limites des messages : un send peut être lu par plusieurs recv, plusieurs send par un seul recv.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The sender called shutdown() or close(): a FIN tells the peer no more bytes will come, and the peer&apos;s recv() returns 0 once it has read the rest.</source>
        <translation>L&apos;émetteur a appelé shutdown() ou close() : un FIN indique au pair qu&apos;aucun autre octet ne viendra, et le recv() du pair renvoie 0 une fois qu&apos;il a lu le reste.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>A reset (RST): the socket was closed with unread data, or bytes reached a closed socket. The peer&apos;s call fails with ECONNRESET or EPIPE.</source>
        <translation>Une réinitialisation (RST) : le socket a été fermé avec des données non lues, ou des octets sont arrivés sur un socket fermé. L&apos;appel du pair échoue avec ECONNRESET ou EPIPE.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>One UDP datagram: sendto() sent it whole, recvfrom() received it whole (or not at all).</source>
        <translation>Un datagramme UDP : sendto() l&apos;a envoyé en entier, recvfrom() l&apos;a reçu en entier (ou pas du tout).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>A UDP datagram no recvfrom() received: UDP does not retransmit, a lost datagram is simply gone.</source>
        <translation>Un datagramme UDP qu&apos;aucun recvfrom() n&apos;a reçu : UDP ne retransmet pas, un datagramme perdu a tout simplement disparu.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>%1 ×%2</source>
        <translation>%1 ×%2</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>TLS: the bytes on the socket are records the TLS engine made; the names are the records it sent or received through this call (its trace notes), the bytes below are ciphertext.</source>
        <translation>TLS : les octets sur le socket sont des enregistrements produits par le moteur TLS ; les noms sont les enregistrements qu&apos;il a envoyés ou reçus par cet appel (ses notes de trace), les octets ci-dessous sont du texte chiffré.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 B</source>
        <translation>%1 B</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>+%1 µs</source>
        <translation>+%1 µs</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>+%1 ms</source>
        <translation>+%1 ms</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>+%1 s</source>
        <translation>+%1 s</translation>
    </message>
</context>
<context>
    <name>sockwb::SequenceView</name>
    <message>
        <location filename="../../widgets/sequence/sequenceview.cpp" line="+87"/>
        <source>Compressed time</source>
        <translation>Temps compressé</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Real time</source>
        <translation>Temps réel</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Compressed: one step per call, long waits folded (a zigzag marks them). Real: distances proportional to time.</source>
        <translation>Compressé : une étape par appel, les longues attentes sont repliées (un zigzag les signale). Réel : distances proportionnelles au temps.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Zoom of the real time axis</source>
        <translation>Zoom de l&apos;axe du temps réel</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>◀ Step</source>
        <translation>◀ Pas</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Back to the previous call</source>
        <translation>Revenir à l&apos;appel précédent</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Step ▶</source>
        <translation>Pas ▶</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Show one more call (later calls are dimmed)</source>
        <translation>Afficher un appel de plus (les appels suivants sont estompés)</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+171"/>
        <source>Play</source>
        <translation>Lecture</translation>
    </message>
    <message>
        <location line="-171"/>
        <source>Replay the exchange call by call</source>
        <translation>Rejouer l&apos;échange appel par appel</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stop</source>
        <translation>Arrêter</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Stop the replay and show every call</source>
        <translation>Arrêter la relecture et afficher tous les appels</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rewind</source>
        <translation>Rembobiner</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Back to the first call</source>
        <translation>Revenir au premier appel</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 calls/s</source>
        <translation>%1 appels/s</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Replay speed</source>
        <translation>Vitesse de relecture</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export SVG…</source>
        <translation>Exporter en SVG…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Save the diagram (or the Shift+clicked range) as an SVG picture</source>
        <translation>Enregistrer le diagramme (ou la plage choisie par Maj+clic) en image SVG</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Export PNG…</source>
        <translation>Exporter en PNG…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Save the diagram (or the Shift+clicked range) as a PNG picture</source>
        <translation>Enregistrer le diagramme (ou la plage choisie par Maj+clic) en image PNG</translation>
    </message>
    <message>
        <location line="+156"/>
        <source>Pause</source>
        <translation>Pause</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>SVG pictures (*.svg)</source>
        <translation>Images SVG (*.svg)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>PNG pictures (*.png)</source>
        <translation>Images PNG (*.png)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Export the diagram as SVG</source>
        <translation>Exporter le diagramme en SVG</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Export the diagram as PNG</source>
        <translation>Exporter le diagramme en PNG</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Saved %1</source>
        <translation>%1 enregistré</translation>
    </message>
    <message numerus="yes">
        <location line="+6"/>
        <source>%n call(s)</source>
        <translation>
            <numerusform>%n appel</numerusform>
            <numerusform>%n appels</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n arrow(s)</source>
        <translation>
            <numerusform>%n flèche</numerusform>
            <numerusform>%n flèches</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>replay at %1 of %2</source>
        <translation>relecture à %1 sur %2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>range: calls %1 to %2</source>
        <translation>plage : appels %1 à %2</translation>
    </message>
</context>
<context>
    <name>sockwb::SequenceWindow</name>
    <message>
        <location filename="../../widgets/sequence/sequencewindow.cpp" line="+34"/>
        <source>Sequence</source>
        <translation>Séquence</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Sequence — %1</source>
        <translation>Séquence — %1</translation>
    </message>
</context>
<context>
    <name>sockwb::ServerForm</name>
    <message>
        <location filename="../../widgets/server/serverform.cpp" line="+75"/>
        <source>New Server</source>
        <translation>Nouveau serveur</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>TCP</source>
        <translation>TCP</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>UDP</source>
        <translation>UDP</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Unix stream</source>
        <translation>Unix flux</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Unix datagram</source>
        <translation>Unix datagramme</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>AF_UNIX: the socket file the server creates (removed at stop; a stale one left by a server that died is replaced), or @name for an abstract name.</source>
        <translation>AF_UNIX : le fichier socket que crée le serveur (supprimé à l&apos;arrêt ; un fichier périmé laissé par un serveur mort est remplacé), ou @nom pour un nom abstrait.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>127.0.0.1: this machine only (safe default). 0.0.0.0: every IPv4 interface. ::1 and :: are the IPv6 equivalents.</source>
        <translation>127.0.0.1&#xa0;: cette machine seulement (choix sûr par défaut). 0.0.0.0&#xa0;: toutes les interfaces IPv4. ::1 et :: sont les équivalents IPv6.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>0 (automatic)</source>
        <translation>0 (automatique)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>0 lets the kernel pick a free port; the panel shows the one chosen.</source>
        <translation>Avec 0, le noyau choisit un port libre&#xa0;; le panneau affiche celui qui a été choisi.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Clock: how many times the time is sent per request, then &quot;Au Revoir&quot;.</source>
        <translation>Clock&#xa0;: combien de fois l&apos;heure est envoyée par requête, puis «&#xa0;Au Revoir&#xa0;».</translation>
    </message>
    <message>
        <location line="+1"/>
        <source> ms</source>
        <translation> ms</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>None (the course&apos;s bytes)</source>
        <translation>Aucun (les octets du cours)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>LF (\n)</source>
        <translation>LF (\n)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CRLF (\r\n)</source>
        <translation>CRLF (\r\n)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Clock: what follows each time and &quot;Au Revoir&quot;. None sends exactly what the course&apos;s server sends, so the course&apos;s client stops at &quot;Au Revoir&quot;; LF or CRLF suit line-based clients such as netcat.</source>
        <translation>Horloge : ce qui suit chaque heure et « Au Revoir ». « Aucun » envoie exactement ce qu&apos;envoie le serveur du cours, si bien que le client du cours s&apos;arrête à « Au Revoir » ; LF ou CRLF conviennent aux clients orientés ligne comme netcat.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>folder of static files (optional)</source>
        <translation>dossier de fichiers statiques (facultatif)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Browse...</source>
        <translation>Parcourir...</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Listener</source>
        <translation>Point d&apos;écoute</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Protocol:</source>
        <translation>&amp;Protocole&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Bind address:</source>
        <translation>Adresse de &amp;liaison&#xa0;:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>P&amp;ort:</source>
        <translation>P&amp;ort&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Socket pat&amp;h:</source>
        <translation>C&amp;hemin du socket :</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Service:</source>
        <translation>&amp;Service&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ticks:</source>
        <translation>Répétitions&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Interval:</source>
        <translation>Intervalle&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Terminator:</source>
        <translation>Terminaison :</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Root folder:</source>
        <translation>Dossier racine&#xa0;:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Concurrency</source>
        <translation>Concurrence</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Model:</source>
        <translation>&amp;Modèle&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pool size:</source>
        <translation>Taille du pool&#xa0;:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>epoll and io_uring: how many event loops serve, each on its own thread with its own SO_REUSEPORT copy of every TCP listener; the kernel spreads new connections between them, as nginx&apos;s worker_processes. About as many as the machine has cores.</source>
        <translation>epoll et io_uring : combien de boucles d&apos;événements servent, chacune sur son propre thread avec sa propre copie SO_REUSEPORT de chaque socket d&apos;écoute TCP ; le noyau répartit les nouvelles connexions entre elles, comme worker_processes de nginx. À peu près autant que la machine a de cœurs.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Loops:</source>
        <translation>&amp;Boucles :</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Backlog:</source>
        <translation>File d&apos;attente (backlog)&#xa0;:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Waiting:</source>
        <translation>&amp;Attente :</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Extra listeners (multi-service; with UDP: select, poll or epoll)</source>
        <translation>Points d&apos;écoute supplémentaires (multi-service&#xa0;; avec UDP&#xa0;: select, poll ou epoll)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Start</source>
        <translation>Démarrer</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>Blocking calls (as in the course)</source>
        <translation>Appels bloquants (comme dans le cours)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Non-blocking sockets + poll()</source>
        <translation>Sockets non bloquants + poll()</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The %1 model is an event loop: it always waits in %1 for every socket at once.</source>
        <translation>Le modèle %1 est une boucle d&apos;événements : il attend toujours dans %1 tous les sockets à la fois.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Blocking calls: accept() and recv() wait in the kernel and the clock sleeps between its lines, as the course&apos;s programs do; stop wakes them with shutdown() and a signal. Non-blocking: every wait is a poll() that also watches the stop event.</source>
        <translation>Appels bloquants : accept() et recv() attendent dans le noyau et l&apos;horloge dort entre ses lignes, comme le font les programmes du cours ; l&apos;arrêt les réveille avec shutdown() et un signal. Non bloquant : chaque attente est un poll() qui surveille aussi l&apos;événement d&apos;arrêt.</translation>
    </message>
    <message>
        <location line="+63"/>
        <source>Enter the socket path, e.g. /tmp/echo.sock.</source>
        <translation>Saisissez le chemin du socket, p. ex. /tmp/echo.sock.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>&quot;%1&quot; is not an IP address: use 127.0.0.1, 0.0.0.0, ::1 or ::.</source>
        <translation>«&#xa0;%1&#xa0;» n&apos;est pas une adresse IP&#xa0;: utilisez 127.0.0.1, 0.0.0.0, ::1 ou ::.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The root folder &quot;%1&quot; does not exist.</source>
        <translation>Le dossier racine «&#xa0;%1&#xa0;» n&apos;existe pas.</translation>
    </message>
    <message numerus="yes">
        <location line="+13"/>
        <source>%n loop(s) cannot share a Unix stream socket: its path names one socket, while loops share a TCP port (SO_REUSEPORT). Set Loops to 1 or listen on TCP.</source>
        <translation>
            <numerusform>%n boucle ne peut pas partager une socket Unix de flux : son chemin nomme une seule socket, alors que les boucles partagent un port TCP (SO_REUSEPORT). Mettez Boucles à 1 ou écoutez en TCP.</numerusform>
            <numerusform>%n boucles ne peuvent pas partager une socket Unix de flux : son chemin nomme une seule socket, alors que les boucles partagent un port TCP (SO_REUSEPORT). Mettez Boucles à 1 ou écoutez en TCP.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+79"/>
        <source>Root folder of the HTTP server</source>
        <translation>Dossier racine du serveur HTTP</translation>
    </message>
</context>
<context>
    <name>sockwb::ServerPanel</name>
    <message>
        <location filename="../../widgets/server/serverpanel.cpp" line="+44"/>
        <source>Start</source>
        <translation>Démarrer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stop</source>
        <translation>Arrêter</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Settings...</source>
        <translation>Réglages...</translation>
    </message>
    <message>
        <location line="+73"/>
        <source>Change the configuration (while stopped)</source>
        <translation>Modifier la configuration (serveur arrêté)</translation>
    </message>
    <message>
        <location line="-64"/>
        <source>Connections</source>
        <translation>Connexions</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Log</source>
        <translation>Journal</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Trace</source>
        <translation>Trace</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Export as Code...</source>
        <translation>Exporter en code...</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The C (or Python) program that serves as this server does</source>
        <translation>Le programme C (ou Python) qui sert les clients comme le fait ce serveur</translation>
    </message>
    <message>
        <location line="+57"/>
        <source>starting %1 (%2 model)...</source>
        <translation>démarrage de %1 (modèle %2)...</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>The server could not start: %1</source>
        <translation>Le serveur n&apos;a pas pu démarrer&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>stopped</source>
        <translation>arrêté</translation>
    </message>
    <message>
        <location line="+31"/>
        <source> (+%1)</source>
        <translation> (+%1)</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>%1 server events dropped: too many to show</source>
        <translation>%1 événements du serveur ignorés&#xa0;: trop nombreux pour être affichés</translation>
    </message>
    <message>
        <location filename="../../widgets/server/serverpaneltext.cpp" line="+61"/>
        <source>%1 listening on %2</source>
        <translation>%1 en écoute sur %2</translation>
    </message>
    <message>
        <location line="-11"/>
        <source>memory %1, no budget (peak %2)</source>
        <translation>mémoire %1, sans budget (pic %2)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>memory %1 of %2 (peak %3)</source>
        <translation>mémoire %1 sur %2 (pic %3)</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>#%1 TLS handshake done: %2</source>
        <translation>n°%1 poignée de main TLS terminée : %2</translation>
    </message>
    <message>
        <location filename="../../widgets/server/serverpanel.cpp" line="-199"/>
        <source>Activity</source>
        <translation>Activité</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sequence</source>
        <translation>Séquence</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>With clients...</source>
        <translation>Avec des clients...</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Open the sequence of the whole experiment: this server, the client windows aimed at it and the programs run, in one window</source>
        <translation>Ouvrir la séquence de toute l&apos;expérience : ce serveur, les fenêtres client qui le visent et les programmes exécutés, dans une seule fenêtre</translation>
    </message>
    <message>
        <location line="+98"/>
        <source>%1, blocking calls</source>
        <translation>%1, appels bloquants</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1, non-blocking + poll()</source>
        <translation>%1, non bloquant + poll()</translation>
    </message>
    <message>
        <location filename="../../widgets/server/serverpaneltext.cpp" line="-14"/>
        <source>#%1 connected from %2 (fd %3)</source>
        <translation>n°%1 connecté depuis %2 (fd %3)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>#%1 closed (%2 bytes in, %3 bytes out)</source>
        <translation>n°%1 fermé (%2 octets reçus, %3 octets envoyés)</translation>
    </message>
    <message numerus="yes">
        <location filename="../../widgets/server/serverpanel.cpp" line="+113"/>
        <source>... %n more data line(s) not shown</source>
        <translation>
            <numerusform>... %n ligne de données de plus non affichée</numerusform>
            <numerusform>... %n lignes de données de plus non affichées</numerusform>
        </translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Stopped: %1, %2 model</source>
        <translation>Arrêté&#xa0;: %1, modèle %2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Starting...</source>
        <translation>Démarrage...</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Stopping...</source>
        <translation>Arrêt...</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Not running: %1, %2 model</source>
        <translation>Pas en marche&#xa0;: %1, modèle %2</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>%1 ×%2 loops</source>
        <translation>%1 ×%2 boucles</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Listening: %1 · model %2 · up %3:%4:%5</source>
        <translation>En écoute&#xa0;: %1 · modèle %2 · actif depuis %3:%4:%5</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>accepted %1 · active %2 · in %3 B · out %4 B · datagrams %5 in / %6 out · errors %7 · refused %8</source>
        <translation>acceptées %1 · actives %2 · reçus %3 o · envoyés %4 o · datagrammes %5 reçus / %6 envoyés · erreurs %7 · refusées %8</translation>
    </message>
    <message>
        <location line="+13"/>
        <source> · closed for not reading %1</source>
        <translation> · fermés pour non-lecture %1</translation>
    </message>
</context>
<context>
    <name>sockwb::ServerSockoptView</name>
    <message>
        <location filename="../../widgets/server/serversockoptview.cpp" line="+67"/>
        <source>first connection on %1: socket option %2</source>
        <translation>première connexion sur %1 : option de socket %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>listener %1: socket option %2</source>
        <translation>point d&apos;écoute %1 : option de socket %2</translation>
    </message>
</context>
<context>
    <name>sockwb::ShutdownButton</name>
    <message>
        <location filename="../../widgets/client/shutdownbutton.cpp" line="+9"/>
        <source>Shut do&amp;wn</source>
        <translation>&amp;Fermer (shutdown)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>shutdown(): close one direction (or both) of the connection, without closing the socket</source>
        <translation>shutdown() : fermer un sens (ou les deux) de la connexion, sans fermer le socket</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>SHUT_WR: no more sends (the server reads end of stream)</source>
        <translation>SHUT_WR : plus d&apos;envoi (le serveur lit la fin du flux)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SHUT_RD: no more receiving (recv returns 0)</source>
        <translation>SHUT_RD : plus de réception (recv renvoie 0)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SHUT_RDWR: both directions</source>
        <translation>SHUT_RDWR : les deux sens</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Shut down both ways: Disconnect closes the socket.</source>
        <translation>Fermée dans les deux sens : Déconnecter ferme le socket.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reading shut down (SHUT_RD): recv returns 0, sends still go out.</source>
        <translation>Lecture fermée (SHUT_RD) : recv renvoie 0, les envois partent toujours.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Writing shut down (SHUT_WR): the server reads end of stream, its answers still come in.</source>
        <translation>Écriture fermée (SHUT_WR) : le serveur lit la fin du flux, ses réponses arrivent toujours.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>connected, shut down both ways</source>
        <translation>connecté, fermé dans les deux sens</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>connected, reading shut down</source>
        <translation>connecté, lecture fermée</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>connected, writing shut down</source>
        <translation>connecté, écriture fermée</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>connected</source>
        <translation>connecté</translation>
    </message>
</context>
<context>
    <name>sockwb::SideBar</name>
    <message>
        <location filename="../../widgets/shell/sidebar.cpp" line="+27"/>
        <source>Servers</source>
        <translation>Serveurs</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Relays</source>
        <translation>Relais</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Clients</source>
        <translation>Clients</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Programs</source>
        <translation>Programmes</translation>
    </message>
    <message>
        <location line="+108"/>
        <source>(no program)</source>
        <translation>(aucun programme)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>exited</source>
        <translation>terminé</translation>
    </message>
    <message>
        <location line="+11"/>
        <location line="+29"/>
        <source>stopped</source>
        <translation>arrêté</translation>
    </message>
    <message>
        <location line="-25"/>
        <location line="+32"/>
        <source>starting</source>
        <translation>démarrage</translation>
    </message>
    <message>
        <location line="-47"/>
        <location line="+19"/>
        <location line="+32"/>
        <source>running</source>
        <translation>en marche</translation>
    </message>
    <message>
        <location line="-28"/>
        <location line="+24"/>
        <source>stopping</source>
        <translation>arrêt en cours</translation>
    </message>
    <message>
        <location line="-20"/>
        <location line="+28"/>
        <source>failed</source>
        <translation>échec</translation>
    </message>
    <message>
        <location line="-55"/>
        <location line="+32"/>
        <location line="+28"/>
        <location line="+24"/>
        <source>%1: %2</source>
        <translation>%1&#xa0;: %2</translation>
    </message>
</context>
<context>
    <name>sockwb::SocketTableWindow</name>
    <message>
        <location filename="../../widgets/sockets/sockettablewindow.cpp" line="+53"/>
        <source>Sockets on this machine</source>
        <translation>Sockets de cette machine</translation>
    </message>
    <message>
        <location line="+65"/>
        <source>any</source>
        <translation>tous</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Only the sockets whose local or peer port is this one (0 to 65535)</source>
        <translation>Seulement les sockets dont le port local ou celui du pair est celui-ci (0 à 65535)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>All states</source>
        <translation>Tous les états</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Only the sockets in this state</source>
        <translation>Seulement les sockets dans cet état</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>TCP</source>
        <translation>TCP</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>UDP</source>
        <translation>UDP</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unix</source>
        <translation>Unix</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Show TCP sockets (IPv4 and IPv6)</source>
        <translation>Afficher les sockets TCP (IPv4 et IPv6)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show UDP sockets (IPv4 and IPv6)</source>
        <translation>Afficher les sockets UDP (IPv4 et IPv6)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show Unix-domain sockets (stream, datagram, seqpacket)</source>
        <translation>Afficher les sockets du domaine Unix (stream, datagram, seqpacket)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Mine</source>
        <translation>Les miens</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Only my sockets: those of my user (uid %1), which include every socket of this workbench (pid %2) and of the programs I run. A TIME-WAIT entry belongs to no one any more (uid 0, inode 0): it is not shown.</source>
        <translation>Seulement mes sockets : ceux de mon utilisateur (uid %1), qui comprennent tous les sockets de cette application (pid %2) et des programmes que je lance. Une entrée TIME-WAIT n&apos;appartient plus à personne (uid 0, inode 0) : elle n&apos;est pas affichée.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Search: address, process, state...</source>
        <translation>Rechercher : adresse, processus, état...</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Only the rows where some cell contains this text</source>
        <translation>Seulement les lignes dont une cellule contient ce texte</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Port:</source>
        <translation>Port :</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>State:</source>
        <translation>État :</translation>
    </message>
    <message>
        <location line="+14"/>
        <location line="+47"/>
        <source>Pause</source>
        <translation>Pause</translation>
    </message>
    <message>
        <location line="-44"/>
        <source>Stop refreshing the table (the rows stay as they are)</source>
        <translation>Arrêter le rafraîchissement du tableau (les lignes restent telles quelles)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>every %1 ms</source>
        <translation>toutes les %1 ms</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>every %1 s</source>
        <translation>toutes les %1 s</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>How often the sockets are read again</source>
        <translation>Fréquence à laquelle les sockets sont relus</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Refresh now</source>
        <translation>Rafraîchir maintenant</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Read the sockets again now (sock_diag netlink, then /proc for the processes)</source>
        <translation>Relire les sockets maintenant (netlink sock_diag, puis /proc pour les processus)</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Resume</source>
        <translation>Reprendre</translation>
    </message>
    <message>
        <location line="+66"/>
        <source>The sockets could not be read: %1. The table shows the last ones read.</source>
        <translation>Les sockets n&apos;ont pas pu être lus : %1. Le tableau affiche les derniers lus.</translation>
    </message>
    <message numerus="yes">
        <location line="+25"/>
        <source>%1 shown of %n socket(s): TCP %2, UDP %3, Unix %4 · %5 listening · %6 in TIME-WAIT</source>
        <translation>
            <numerusform>%1 affiché sur %n socket : TCP %2, UDP %3, Unix %4 · %5 en écoute · %6 en TIME-WAIT</numerusform>
            <numerusform>%1 affichés sur %n sockets : TCP %2, UDP %3, Unix %4 · %5 en écoute · %6 en TIME-WAIT</numerusform>
        </translation>
    </message>
    <message>
        <location line="+9"/>
        <source> · read at %1 in %2 ms</source>
        <translation> · lu à %1 en %2 ms</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Copy row(s)</source>
        <translation>Copier la ou les lignes</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Filter on this port (%1)</source>
        <translation>Filtrer sur ce port (%1)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Filter on this state (%1)</source>
        <translation>Filtrer sur cet état (%1)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Clear the filters</source>
        <translation>Effacer les filtres</translation>
    </message>
</context>
<context>
    <name>sockwb::SocketText</name>
    <message>
        <location filename="../../widgets/sockets/sockettext.cpp" line="+12"/>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Netid</source>
        <translation>Netid</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Recv-Q</source>
        <translation>Recv-Q</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Send-Q</source>
        <translation>Send-Q</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Local address:port</source>
        <translation>Adresse locale:port</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Peer address:port</source>
        <translation>Adresse du pair:port</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Process</source>
        <translation>Processus</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Timer</source>
        <translation>Minuteur</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>uid</source>
        <translation>uid</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>inode</source>
        <translation>inode</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The kind of socket: tcp, udp, or a Unix socket: u_str (SOCK_STREAM), u_dgr (SOCK_DGRAM), u_seq (SOCK_SEQPACKET)</source>
        <translation>Le type de socket : tcp, udp, ou un socket Unix : u_str (SOCK_STREAM), u_dgr (SOCK_DGRAM), u_seq (SOCK_SEQPACKET)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The socket&apos;s state as the kernel keeps it: LISTEN, SYN-SENT, SYN-RECV, ESTABLISHED, FIN-WAIT-1/2, CLOSE-WAIT, LAST-ACK, CLOSING, TIME-WAIT; UNCONN for a UDP or Unix socket with no peer</source>
        <translation>L&apos;état du socket tel que le noyau le conserve : LISTEN, SYN-SENT, SYN-RECV, ESTABLISHED, FIN-WAIT-1/2, CLOSE-WAIT, LAST-ACK, CLOSING, TIME-WAIT ; UNCONN pour un socket UDP ou Unix sans pair</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>For a LISTEN socket: the accept queue, the connections the kernel has completed (handshake done) that wait for the program to call accept().
For a connection: the bytes received that the program has not read yet (recv() would return them at once).</source>
        <translation>Pour un socket LISTEN : la file d&apos;acceptation, les connexions que le noyau a terminées (poignée de main effectuée) et qui attendent que le programme appelle accept().
Pour une connexion : les octets reçus que le programme n&apos;a pas encore lus (recv() les renverrait immédiatement).</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>For a LISTEN socket: the backlog, the most connections the accept queue may hold (the argument of listen(), capped by net.core.somaxconn).
For a connection: the bytes sent that the peer has not acknowledged yet (TCP), or not yet sent.</source>
        <translation>Pour un socket LISTEN : le backlog, le nombre maximal de connexions que la file d&apos;acceptation peut contenir (l&apos;argument de listen(), plafonné par net.core.somaxconn).
Pour une connexion : les octets envoyés dont le pair n&apos;a pas encore accusé réception (TCP), ou pas encore envoyés.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The address and port the socket is bound to (0.0.0.0 or [::] = every interface); for a Unix socket its path, @name when abstract, * when none</source>
        <translation>L&apos;adresse et le port auxquels le socket est lié (0.0.0.0 ou [::] = toutes les interfaces) ; pour un socket Unix, son chemin, @nom s&apos;il est abstrait, * s&apos;il n&apos;en a pas</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The address and port of the other end; * when not connected</source>
        <translation>L&apos;adresse et le port de l&apos;autre extrémité ; * si le socket n&apos;est pas connecté</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The processes holding the socket open (command, pid, file descriptor), where /proc lets you see them: your own processes, all of them as root. Empty for a TIME-WAIT socket: no program holds it any more.</source>
        <translation>Les processus qui gardent le socket ouvert (commande, pid, descripteur de fichier), là où /proc permet de les voir : vos propres processus, tous en tant que root. Vide pour un socket en TIME-WAIT : plus aucun programme ne le détient.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The kernel&apos;s timer on the socket: on = retransmission (with the retransmissions so far), keepalive, timewait (how long the TIME-WAIT entry remains), persist = zero window probe; and when it expires</source>
        <translation>Le minuteur du noyau sur le socket : on = retransmission (avec le nombre de retransmissions jusqu&apos;ici), keepalive, timewait (combien de temps l&apos;entrée TIME-WAIT subsiste), persist = sonde de fenêtre nulle ; et quand il expire</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The user id the socket belongs to</source>
        <translation>L&apos;identifiant de l&apos;utilisateur à qui appartient le socket</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The socket&apos;s inode number, as in /proc/PID/fd (socket:[inode]); 0 for a TIME-WAIT socket, which no file refers to any more</source>
        <translation>Le numéro d&apos;inode du socket, comme dans /proc/PID/fd (socket:[inode]) ; 0 pour un socket en TIME-WAIT, auquel plus aucun fichier ne fait référence</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>on %1 (retrans %2)</source>
        <translation>on %1 (retrans. %2)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>keepalive %1</source>
        <translation>keepalive %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>timewait %1</source>
        <translation>timewait %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>persist %1</source>
        <translation>persist %1</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>%1 (pid %2, fd %3)</source>
        <translation>%1 (pid %2, fd %3)</translation>
    </message>
    <message numerus="yes">
        <location line="+37"/>
        <source>%n connection(s) completed, waiting for accept()</source>
        <translation>
            <numerusform>%n connexion établie, en attente d&apos;accept()</numerusform>
            <numerusform>%n connexions établies, en attente d&apos;accept()</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n byte(s) received, not yet read by the program</source>
        <translation>
            <numerusform>%n octet reçu, pas encore lu par le programme</numerusform>
            <numerusform>%n octets reçus, pas encore lus par le programme</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>Backlog: at most %n connection(s) may wait for accept()</source>
        <translation>
            <numerusform>File d&apos;attente (backlog) : au plus %n connexion peut attendre accept()</numerusform>
            <numerusform>File d&apos;attente (backlog) : au plus %n connexions peuvent attendre accept()</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%n byte(s) sent, not yet acknowledged by the peer</source>
        <translation>
            <numerusform>%n octet envoyé, pas encore acquitté par le pair</numerusform>
            <numerusform>%n octets envoyés, pas encore acquittés par le pair</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n byte(s) waiting to be sent</source>
        <translation>
            <numerusform>%n octet en attente d&apos;envoi</numerusform>
            <numerusform>%n octets en attente d&apos;envoi</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>sockwb::SockoptRow</name>
    <message>
        <location filename="../../widgets/common/sockoptrow.cpp" line="+32"/>
        <source>Set on the listening socket before bind(); accepted connections inherit it.</source>
        <translation>Réglée sur le socket d&apos;écoute avant bind() ; les connexions acceptées en héritent.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Set on every accepted connection.</source>
        <translation>Réglée sur chaque connexion acceptée.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>on</source>
        <translation>activé</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>off</source>
        <translation>désactivé</translation>
    </message>
    <message>
        <location line="+12"/>
        <source> KiB</source>
        <translation> KiB</translation>
    </message>
    <message>
        <location line="+6"/>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <location line="+5"/>
        <source> ms</source>
        <translation> ms</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>none (wait forever)</source>
        <translation>aucun (attendre indéfiniment)</translation>
    </message>
</context>
<context>
    <name>sockwb::SockoptWords</name>
    <message>
        <location filename="../../widgets/common/sockoptwords.cpp" line="+15"/>
        <source>Bind to a port even while old connections on it wait in TIME-WAIT, so a server restarts at once.</source>
        <translation>Se lier à un port même pendant que d&apos;anciennes connexions y attendent en TIME-WAIT, pour qu&apos;un serveur redémarre aussitôt.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Let several sockets bind the same address and port; the kernel shares the new connections among them.</source>
        <translation>Permettre à plusieurs sockets de se lier à la même adresse et au même port ; le noyau répartit les nouvelles connexions entre eux.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The kernel&apos;s receive buffer for this socket (Linux doubles what is asked).</source>
        <translation>Le tampon de réception du noyau pour ce socket (Linux double la taille demandée).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The kernel&apos;s send buffer for this socket (Linux doubles what is asked).</source>
        <translation>Le tampon d&apos;envoi du noyau pour ce socket (Linux double la taille demandée).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Send small writes at once instead of coalescing them (Nagle&apos;s algorithm).</source>
        <translation>Envoyer les petites écritures tout de suite au lieu de les regrouper (algorithme de Nagle).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Probe an idle connection so that a peer that vanished is noticed.</source>
        <translation>Sonder une connexion inactive pour détecter qu&apos;un pair a disparu.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>How long a connection stays idle before the first keep-alive probe.</source>
        <translation>Durée d&apos;inactivité d&apos;une connexion avant la première sonde keep-alive.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The time between two keep-alive probes.</source>
        <translation>Le temps entre deux sondes keep-alive.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>How many unanswered probes before the connection is declared dead.</source>
        <translation>Nombre de sondes sans réponse avant que la connexion soit déclarée morte.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>What close() does with unsent data: on with 0 s resets the connection (RST: the peer sees ECONNRESET).</source>
        <translation>Ce que close() fait des données non envoyées : « activé » avec 0 s réinitialise la connexion (RST : le pair voit ECONNRESET).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>A blocking recv gives up after this long (EAGAIN); none: it waits forever.</source>
        <translation>Un recv bloquant abandonne après ce délai (EAGAIN) ; aucun : il attend indéfiniment.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A blocking send gives up after this long (EAGAIN); none: it waits forever.</source>
        <translation>Un send bloquant abandonne après ce délai (EAGAIN) ; aucun : il attend indéfiniment.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Allow sending datagrams to a broadcast address.</source>
        <translation>Autoriser l&apos;envoi de datagrammes vers une adresse de diffusion (broadcast).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>How many routers a packet may cross before it is dropped.</source>
        <translation>Nombre de routeurs qu&apos;un paquet peut traverser avant d&apos;être rejeté.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>An IPv6 socket takes IPv6 peers only, not IPv4 ones as mapped addresses.</source>
        <translation>Un socket IPv6 n&apos;accepte que des pairs IPv6, pas des pairs IPv4 sous forme d&apos;adresses mappées.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>on</source>
        <translation>activé</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+11"/>
        <source>off</source>
        <translation>désactivé</translation>
    </message>
    <message>
        <location line="-7"/>
        <source>%1 KiB</source>
        <translation>%1 KiB</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+47"/>
        <source>%1 bytes</source>
        <translation>%1 octets</translation>
    </message>
    <message>
        <location line="-45"/>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>none</source>
        <translation>aucun</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>on, %1 s</source>
        <translation>activé, %1 s</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 = %2</source>
        <translation>%1 = %2</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>not applied: only a TCP socket has this option</source>
        <translation>non appliquée : seul un socket TCP a cette option</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>not applied: only a UDP socket has this option</source>
        <translation>non appliquée : seul un socket UDP a cette option</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>not applied: only an IPv6 socket has this option</source>
        <translation>non appliquée : seul un socket IPv6 a cette option</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>not applied: a Unix-domain socket has no IP options</source>
        <translation>non appliquée : un socket du domaine Unix n&apos;a pas d&apos;options IP</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>not read back</source>
        <translation>non relue</translation>
    </message>
    <message>
        <location line="+4"/>
        <source> (set as %1)</source>
        <translation> (réglé à %1)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>%1 (doubled by the kernel)</source>
        <translation>%1 (doublé par le noyau)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 (asked %2, doubled and raised to the kernel&apos;s minimum)</source>
        <translation>%1 (demandé %2, doublé et relevé au minimum du noyau)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 (asked %2, capped by the kernel&apos;s limit: net.core.rmem_max, wmem_max)</source>
        <translation>%1 (demandé %2, plafonné par la limite du noyau : net.core.rmem_max, wmem_max)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 (asked %2)</source>
        <translation>%1 (demandé %2)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 → %2</source>
        <translation>%1 → %2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>listener</source>
        <translation>point d&apos;écoute</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>connections</source>
        <translation>connexions</translation>
    </message>
</context>
<context>
    <name>sockwb::SockoptsBox</name>
    <message>
        <location filename="../../widgets/common/sockoptsbox.cpp" line="+38"/>
        <source>Socket options</source>
        <translation>Options du socket</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>setsockopt() calls made on the socket, and what getsockopt() reads back once it exists</source>
        <translation>Appels setsockopt() faits sur le socket, et ce que getsockopt() relit une fois qu&apos;il existe</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Set</source>
        <translation>Réglage</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Value</source>
        <translation>Valeur</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Set on</source>
        <translation>Réglée sur</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Read back</source>
        <translation>Relu</translation>
    </message>
    <message>
        <location line="+125"/>
        <source>(none set: the kernel&apos;s defaults)</source>
        <translation>(aucune option réglée : valeurs par défaut du noyau)</translation>
    </message>
</context>
<context>
    <name>sockwb::TcpStatusBox</name>
    <message>
        <location filename="../../widgets/client/tcpstatusbox.cpp" line="+15"/>
        <source>TCP (live, from the kernel)</source>
        <translation>TCP (en direct, depuis le noyau)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>This socket as the kernel sees it (TCP_INFO and the queues), read from the socket table a few times a second</source>
        <translation>Ce socket tel que le noyau le voit (TCP_INFO et les files d&apos;attente), lu dans la table des sockets plusieurs fois par seconde</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1:</source>
        <translation>%1:</translation>
    </message>
    <message>
        <location line="+67"/>
        <source>The kernel no longer lists this connection: it is fully closed.</source>
        <translation>Le noyau ne liste plus cette connexion : elle est entièrement fermée.</translation>
    </message>
</context>
<context>
    <name>sockwb::TcpText</name>
    <message>
        <location filename="../../widgets/common/tcptext.cpp" line="+14"/>
        <source>TCP state</source>
        <translation>État TCP</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>RTT</source>
        <translation>RTT</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>cwnd</source>
        <translation>cwnd</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>ssthresh</source>
        <translation>ssthresh</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Retrans</source>
        <translation>Retrans.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Unacked</source>
        <translation>Non acquittés</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Recv-Q</source>
        <translation>Recv-Q</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Send-Q</source>
        <translation>Send-Q</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Bytes acked</source>
        <translation>Octets acquittés</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Bytes received</source>
        <translation>Octets reçus</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Where the connection is in TCP&apos;s state machine, as the kernel keeps it: ESTABLISHED while data flows both ways; FIN-WAIT-1 then FIN-WAIT-2 after this side&apos;s close() or shutdown(SHUT_WR); CLOSE-WAIT once the peer has closed (recv() returned 0) until this side closes too; LAST-ACK, CLOSING, and TIME-WAIT for about a minute on the side that closed first.</source>
        <translation>L&apos;étape où en est la connexion dans l&apos;automate d&apos;états de TCP, tel que le noyau le tient : ESTABLISHED tant que les données circulent dans les deux sens ; FIN-WAIT-1 puis FIN-WAIT-2 après le close() ou le shutdown(SHUT_WR) de ce côté ; CLOSE-WAIT dès que le pair a fermé (recv() a renvoyé 0) jusqu&apos;à ce que ce côté ferme aussi ; LAST-ACK, CLOSING, et TIME-WAIT pendant environ une minute du côté qui a fermé en premier.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Smoothed round-trip time ± its mean deviation (tcpi_rtt, tcpi_rttvar): how long a segment waits for its acknowledgement, as the kernel measures it. The retransmission timeout is computed from both.</source>
        <translation>Temps d&apos;aller-retour lissé ± son écart moyen (tcpi_rtt, tcpi_rttvar) : combien de temps un segment attend son acquittement, tel que le noyau le mesure. Le délai de retransmission est calculé à partir des deux.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Congestion window (tcpi_snd_cwnd), in segments: how many segments this side may have in flight without an acknowledgement. It grows while acknowledgements come back and shrinks after a loss.</source>
        <translation>Fenêtre de congestion (tcpi_snd_cwnd), en segments : combien de segments ce côté peut avoir en vol sans acquittement. Elle grandit tant que les acquittements reviennent et rétrécit après une perte.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Slow-start threshold (tcpi_snd_ssthresh), in segments: below it the congestion window doubles every round trip (slow start), above it it grows by about one segment per round trip. ∞ until the first loss.</source>
        <translation>Seuil de démarrage lent (tcpi_snd_ssthresh), en segments : en dessous, la fenêtre de congestion double à chaque aller-retour (démarrage lent, slow start) ; au-dessus, elle grandit d&apos;environ un segment par aller-retour. ∞ jusqu&apos;à la première perte.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Segments sent again over the connection&apos;s life (tcpi_total_retrans); in brackets, the retransmissions of the segment unacknowledged now (tcpi_retransmits).</source>
        <translation>Segments renvoyés depuis le début de la connexion (tcpi_total_retrans) ; entre parenthèses, les retransmissions du segment actuellement non acquitté (tcpi_retransmits).</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Segments sent and not yet acknowledged by the peer (tcpi_unacked).</source>
        <translation>Segments envoyés et pas encore acquittés par le pair (tcpi_unacked).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Bytes the kernel has received that the program has not read yet (ioctl SIOCINQ). They wait in the socket&apos;s receive buffer until recv() takes them; when the buffer is full the window closes and the peer must stop sending.</source>
        <translation>Octets que le noyau a reçus et que le programme n&apos;a pas encore lus (ioctl SIOCINQ). Ils attendent dans le tampon de réception du socket jusqu&apos;à ce que recv() les prenne ; quand le tampon est plein, la fenêtre se ferme et le pair doit cesser d&apos;envoyer.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Bytes send() has handed to the kernel that the peer has not acknowledged yet (ioctl SIOCOUTQ). It grows when the peer does not read: its window closes and send() blocks once the send buffer is full.</source>
        <translation>Octets que send() a confiés au noyau et que le pair n&apos;a pas encore acquittés (ioctl SIOCOUTQ). Leur nombre grandit quand le pair ne lit pas : sa fenêtre se ferme et send() bloque dès que le tampon d&apos;envoi est plein.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Bytes sent that the peer has acknowledged (tcpi_bytes_acked).</source>
        <translation>Octets envoyés que le pair a acquittés (tcpi_bytes_acked).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Bytes received from the peer, in order (tcpi_bytes_received).</source>
        <translation>Octets reçus du pair, dans l&apos;ordre (tcpi_bytes_received).</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 ± %2 ms</source>
        <translation>%1 ± %2 ms</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
</context>
<context>
    <name>sockwb::TlsBox</name>
    <message>
        <location filename="../../widgets/server/tlsbox.cpp" line="+23"/>
        <source>TLS</source>
        <translation>TLS</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Serve over &amp;TLS</source>
        <translation>Servir en &amp;TLS</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Certificate and key from &amp;files:</source>
        <translation>Certificat et clé depuis des &amp;fichiers :</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Self-signed certificate for localhost (kept in %1)</source>
        <translation>Certificat auto-signé pour localhost (conservé dans %1)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Made on first use and kept, so its fingerprint stays the same from one run to the next. Clients must be told to trust it (curl -k or --cacert %1/localhost.crt).</source>
        <translation>Créé à la première utilisation et conservé, pour que son empreinte reste la même d&apos;une exécution à l&apos;autre. Il faut indiquer aux clients de lui faire confiance (curl -k ou --cacert %1/localhost.crt).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>certificate (PEM), e.g. server.crt</source>
        <translation>certificat (PEM), p. ex. server.crt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>private key (PEM), e.g. server.key</source>
        <translation>clé privée (PEM), p. ex. server.key</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Certificate:</source>
        <translation>Certificat :</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Certificate (PEM)</source>
        <translation>Certificat (PEM)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Key:</source>
        <translation>Clé :</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Private key (PEM)</source>
        <translation>Clé privée (PEM)</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Browse...</source>
        <translation>Parcourir...</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>PEM files (*.pem *.crt *.key);;All files (*)</source>
        <translation>Fichiers PEM (*.pem *.crt *.key);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Choose the certificate file (PEM), or use the self-signed certificate.</source>
        <translation>Choisissez le fichier du certificat (PEM), ou utilisez le certificat auto-signé.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Choose the private key file (PEM) that goes with the certificate.</source>
        <translation>Choisissez le fichier de la clé privée (PEM) qui va avec le certificat.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The certificate file &quot;%1&quot; does not exist.</source>
        <translation>Le fichier de certificat « %1 » n&apos;existe pas.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The key file &quot;%1&quot; does not exist.</source>
        <translation>Le fichier de clé « %1 » n&apos;existe pas.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The certificate file &quot;%1&quot; cannot be read.</source>
        <translation>Le fichier de certificat « %1 » ne peut pas être lu.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The key file &quot;%1&quot; cannot be read.</source>
        <translation>Le fichier de clé « %1 » ne peut pas être lu.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Every TCP listener speaks TLS (under every model); UDP and Unix-domain listeners stay plain. The socket calls stay the same: the ciphertext goes through the server&apos;s own send() and recv().</source>
        <translation>Chaque point d&apos;écoute TCP parle TLS (sous tous les modèles) ; les points d&apos;écoute UDP et du domaine Unix restent en clair. Les appels socket restent les mêmes : le texte chiffré passe par les propres send() et recv() du serveur.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>TLS runs over TCP: this server has no TCP listener (UDP and Unix-domain listeners stay plain).</source>
        <translation>TLS fonctionne sur TCP : ce serveur n&apos;a aucun point d&apos;écoute TCP (les points d&apos;écoute UDP et du domaine Unix restent en clair).</translation>
    </message>
</context>
<context>
    <name>sockwb::TlsSummary</name>
    <message>
        <location filename="../../widgets/client/tlssummary.cpp" line="+10"/>
        <source>TLS handshake done: %1, %2, ALPN %3, %4</source>
        <translation>Poignée de main TLS terminée : %1, %2, ALPN %3, %4</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>none</source>
        <translation>aucun</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>session resumed</source>
        <translation>session reprise</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>new session</source>
        <translation>nouvelle session</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>the server presented no certificate</source>
        <translation>le serveur n&apos;a présenté aucun certificat</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>server certificate %1 (issued by %2, valid until %3), SHA-256 %4</source>
        <translation>certificat du serveur %1 (émis par %2, valide jusqu&apos;à %3), SHA-256 %4</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1; verified</source>
        <translation>%1 ; vérifié</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1; not verified: %2 (Verify certificate is off)</source>
        <translation>%1 ; non vérifié : %2 (« Vérifier le certificat » est désactivé)</translation>
    </message>
</context>
<context>
    <name>sockwb::TraceModel</name>
    <message>
        <location filename="../../widgets/trace/tracemodel.cpp" line="+55"/>
        <source>%1 µs</source>
        <translation>%1 µs</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Time</source>
        <translation>Heure</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>pid/tid</source>
        <translation>pid/tid</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>fd</source>
        <translation>fd</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Call</source>
        <translation>Appel</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Arguments</source>
        <translation>Arguments</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Result</source>
        <translation>Résultat</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Duration</source>
        <translation>Durée</translation>
    </message>
</context>
<context>
    <name>sockwb::TraceView</name>
    <message>
        <location filename="../../widgets/trace/traceview.cpp" line="+51"/>
        <source>calls: accept, recv, send...</source>
        <translation>appels&#xa0;: accept, recv, send...</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show only these calls (comma-separated names or prefixes)</source>
        <translation>Afficher seulement ces appels (noms ou préfixes séparés par des virgules)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>fd</source>
        <translation>fd</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show only the calls on this file descriptor</source>
        <translation>Afficher seulement les appels sur ce descripteur de fichier</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+146"/>
        <source>Pause</source>
        <translation>Pause</translation>
    </message>
    <message>
        <location line="-144"/>
        <source>Freeze the table; calls made meanwhile are shown on resume</source>
        <translation>Figer le tableau&#xa0;; les appels faits entre-temps sont affichés à la reprise</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Clear</source>
        <translation>Effacer</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Export CSV...</source>
        <translation>Exporter en CSV...</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>keep </source>
        <translation>garder </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rows kept; older calls are dropped and counted</source>
        <translation>Lignes conservées&#xa0;; les appels plus anciens sont supprimés et comptés</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Filter:</source>
        <translation>Filtre&#xa0;:</translation>
    </message>
    <message>
        <location line="+127"/>
        <source>Resume</source>
        <translation>Reprendre</translation>
    </message>
    <message>
        <location line="+49"/>
        <source>Export the trace</source>
        <translation>Exporter la trace</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>CSV files (*.csv)</source>
        <translation>Fichiers CSV (*.csv)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Export failed: %1</source>
        <translation>Échec de l&apos;export&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 rows written to %2</source>
        <translation>%1 lignes écrites dans %2</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 rows</source>
        <translation>%1 lignes</translation>
    </message>
    <message>
        <location line="+2"/>
        <source> (of %1)</source>
        <translation> (sur %1)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>, %1 dropped</source>
        <translation>, %1 supprimées</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>, paused: %1 waiting</source>
        <translation>, en pause&#xa0;: %1 en attente</translation>
    </message>
</context>
<context>
    <name>sockwb::WelcomePage</name>
    <message>
        <location filename="../../widgets/labs/welcomepage.cpp" line="+28"/>
        <source>&lt;h1&gt;Socket Workbench&lt;/h1&gt;</source>
        <translation>&lt;h1&gt;Socket Workbench&lt;/h1&gt;</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Servers, clients and relays over the POSIX socket API, every call shown in the trace: start a server with &lt;b&gt;Workbench &amp;gt; New Server&lt;/b&gt; (Ctrl+N), then open clients against it with &lt;b&gt;New Client&lt;/b&gt; or &lt;b&gt;Launch Clients&lt;/b&gt;.</source>
        <translation>Serveurs, clients et relais avec l&apos;API socket POSIX, chaque appel affiché dans la trace : démarrez un serveur avec &lt;b&gt;Atelier &amp;gt; Nouveau serveur&lt;/b&gt; (Ctrl+N), puis ouvrez des clients vers lui avec &lt;b&gt;Nouveau client&lt;/b&gt; ou &lt;b&gt;Lancer des clients&lt;/b&gt;.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>New Server...</source>
        <translation>Nouveau serveur...</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Open Workspace...</source>
        <translation>Ouvrir un espace de travail...</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&lt;b&gt;Recent workspaces&lt;/b&gt;</source>
        <translation>&lt;b&gt;Espaces de travail récents&lt;/b&gt;</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&lt;h3&gt;The course&apos;s labs&lt;/h3&gt;</source>
        <translation>&lt;h3&gt;Les TP du cours&lt;/h3&gt;</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Each lab opens ready to run, asks you to predict what will happen, then shows it.</source>
        <translation>Chaque TP s&apos;ouvre prêt à être lancé, vous demande de prédire ce qui va se passer, puis vous le montre.</translation>
    </message>
</context>
<context>
    <name>sockwb::WorkspaceFile</name>
    <message>
        <location filename="../../widgets/workspace/jsonfieldreader.cpp" line="+55"/>
        <location line="+97"/>
        <source>a list</source>
        <translation>une liste</translation>
    </message>
    <message>
        <location line="-95"/>
        <location line="+89"/>
        <source>an object</source>
        <translation>un objet</translation>
    </message>
    <message>
        <location line="-82"/>
        <source>expected %1, got %2</source>
        <translation>on attendait %1, on a trouvé %2</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+7"/>
        <source>a text</source>
        <translation>un texte</translation>
    </message>
    <message>
        <location line="+8"/>
        <location line="+13"/>
        <location line="+9"/>
        <location line="+2"/>
        <source>a whole number</source>
        <translation>un nombre entier</translation>
    </message>
    <message>
        <location line="-22"/>
        <location line="+34"/>
        <source>%1 is out of range (%2..%3)</source>
        <translation>%1 est hors limites (%2..%3)</translation>
    </message>
    <message>
        <location line="-21"/>
        <source>%1 is out of range (0..%2; write larger numbers as a string of digits)</source>
        <translation>%1 est hors limites (0..%2 ; écrivez les nombres plus grands sous forme de chaîne de chiffres)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>%1 is out of range (0..%2)</source>
        <translation>%1 est hors limites (0..%2)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>a number</source>
        <translation>un nombre</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>true or false</source>
        <translation>true ou false</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>a %1 (%2)</source>
        <translation>une valeur de %1 (%2)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>unknown %1 &apos;%2&apos; (%3)</source>
        <translation>%1 : valeur inconnue &apos;%2&apos; (%3)</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>expected an object, got %1</source>
        <translation>on attendait un objet, on a trouvé %1</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>%1: unknown key, ignored</source>
        <translation>%1 : clé inconnue, ignorée</translation>
    </message>
    <message>
        <location filename="../../widgets/workspace/workspacejsonwriter.cpp" line="+213"/>
        <source>expected a text NAME=VALUE, got %1</source>
        <translation>on attendait un texte NAME=VALUE, on a trouvé %1</translation>
    </message>
</context>
<context>
    <name>sockwb::app::ClientRun</name>
    <message>
        <location filename="../../app/cli/clientruntls.cpp" line="+100"/>
        <source>none</source>
        <translation>aucun</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>sockwb client: TLS %1, cipher %2, ALPN %3, %4
</source>
        <translation>sockwb client : TLS %1, suite de chiffrement %2, ALPN %3, %4
</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>session resumed</source>
        <translation>session reprise</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>new session</source>
        <translation>nouvelle session</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>sockwb client: certificate %1, issued by %2, valid until %3
</source>
        <translation>sockwb client : certificat %1, émis par %2, valide jusqu&apos;à %3
</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>sockwb client: SHA-256 fingerprint %1
</source>
        <translation>sockwb client : empreinte SHA-256 %1
</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>sockwb client: the server presented no certificate
</source>
        <translation>sockwb client : le serveur n&apos;a présenté aucun certificat
</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>sockwb client: verification: %1 (the chain and the name %2)
</source>
        <translation>sockwb client : vérification : %1 (la chaîne et le nom %2)
</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>sockwb client: verification: %1 (not enforced: --insecure)
</source>
        <translation>sockwb client : vérification : %1 (non appliquée : --insecure)
</translation>
    </message>
</context>
<context>
    <name>sockwb::app::CommandParser</name>
    <message>
        <location filename="../../app/cli/commandparser.cpp" line="+44"/>
        <source>%1: &apos;%2&apos; is not a number</source>
        <translation>%1 : « %2 » n&apos;est pas un nombre</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1: %2 is out of range</source>
        <translation>%1 : %2 est hors limites</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>expected %1 to %2</source>
        <translation>attendu : de %1 à %2</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>unknown option &apos;%1&apos;</source>
        <translation>option « %1 » inconnue</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>%1 needs a value</source>
        <translation>%1 nécessite une valeur</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 takes no value</source>
        <translation>%1 ne prend pas de valeur</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>see sockwb %1 --help</source>
        <translation>voir sockwb %1 --help</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>%1: &apos;%2&apos; is not a size</source>
        <translation>%1 : « %2 » n&apos;est pas une taille</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>expected bytes, or a number with K, M or G (64M)</source>
        <translation>octets attendus, ou un nombre avec K, M ou G (64M)</translation>
    </message>
</context>
<context>
    <name>sockwb::app::MainWindow</name>
    <message>
        <location filename="../../app/gui/mainwindow.cpp" line="+59"/>
        <source>Socket Workbench</source>
        <translation>Socket Workbench</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Ready</source>
        <translation>Prêt</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>Trace (all servers)</source>
        <translation>Trace (tous les serveurs)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Log</source>
        <translation>Journal</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>New &amp;Server...</source>
        <translation>Nouveau &amp;serveur...</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Start a TCP or UDP server with a service and a concurrency model</source>
        <translation>Démarrer un serveur TCP ou UDP avec un service et un modèle de concurrence</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New R&amp;elay...</source>
        <translation>Nouveau &amp;relais...</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ctrl+Shift+Y</source>
        <translation>Ctrl+Shift+Y</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Put a fault-injecting relay in front of a server: latency, slicing, resets, loss</source>
        <translation>Placer devant un serveur un relais qui injecte des perturbations : latence, découpage, réinitialisations, pertes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New &amp;Client</source>
        <translation>Nouveau &amp;client</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ctrl+Shift+N</source>
        <translation>Ctrl+Shift+N</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open a client window (aimed at the selected server)</source>
        <translation>Ouvrir une fenêtre client (dirigée vers le serveur sélectionné)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Launch Clients...</source>
        <translation>&amp;Lancer des clients...</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ctrl+L</source>
        <translation>Ctrl+L</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Start many clients at once with a scenario</source>
        <translation>Démarrer de nombreux clients d&apos;un coup avec un scénario</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New &amp;HTTP Request...</source>
        <translation>Nouvelle requête &amp;HTTP...</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ctrl+Shift+H</source>
        <translation>Ctrl+Shift+H</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Open the HTTP composer: compose a request, send it, see the exact bytes and timings</source>
        <translation>Ouvrir le compositeur HTTP&#xa0;: composer une requête, l&apos;envoyer, voir les octets exacts et les durées</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Compare &amp;Models...</source>
        <translation>Comparer les &amp;modèles...</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ctrl+Shift+M</source>
        <translation>Ctrl+Shift+M</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Load a server under each concurrency model in turn and compare requests/s, latency, memory and threads</source>
        <translation>Charger tour à tour un serveur sous chaque modèle de concurrence et comparer requêtes/s, latence, mémoire et threads</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Run a Program...</source>
        <translation>&amp;Exécuter un programme...</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Ctrl+Shift+R</source>
        <translation>Ctrl+Shift+R</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Run your own client or server and see its socket calls in the trace</source>
        <translation>Lancer votre propre client ou serveur et voir ses appels socket dans la trace</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Workbench</source>
        <translation>A&amp;telier</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Addresses...</source>
        <translation>&amp;Adresses...</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>See an address or a host name as struct sockaddr_in/sockaddr_in6 byte by byte, with inet_pton and getaddrinfo</source>
        <translation>Voir une adresse ou un nom d&apos;hôte sous forme de struct sockaddr_in/sockaddr_in6 octet par octet, avec inet_pton et getaddrinfo</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Soc&amp;kets on This Machine...</source>
        <translation>Soc&amp;kets de cette machine...</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ctrl+Shift+K</source>
        <translation>Ctrl+Shift+K</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Every TCP, UDP and Unix socket of the machine, like ss -tuanp: states, queues, owners, timers, live</source>
        <translation>Tous les sockets TCP, UDP et Unix de la machine, comme ss -tuanp : états, files d&apos;attente, propriétaires, minuteurs, en direct</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Labs</source>
        <translation>Travaux &amp;pratiques</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;View</source>
        <translation>&amp;Affichage</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Sequence of the Experiment...</source>
        <translation>&amp;Séquence de l&apos;expérience...</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The server on screen, its client windows and the programs run, as one sequence diagram (with no server on screen: every server, client and program)</source>
        <translation>Le serveur affiché, ses fenêtres client et les programmes exécutés, en un seul diagramme de séquence (sans serveur affiché : tous les serveurs, clients et programmes)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>W&amp;indow</source>
        <translation>&amp;Fenêtre</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Cascade client windows</source>
        <translation>Fenêtres client en &amp;cascade</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Tile client windows</source>
        <translation>Fenêtres client en &amp;mosaïque</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Help</source>
        <translation>A&amp;ide</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Socket API &amp;cheat sheet</source>
        <translation>&amp;Aide-mémoire de l&apos;API socket</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Lessons</source>
        <translation>&amp;Leçons</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>&amp;About Socket Workbench</source>
        <translation>&amp;À propos de Socket Workbench</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Main</source>
        <translation>Barre d&apos;outils principale</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&amp;Presentation Mode</source>
        <translation>Mode &amp;présentation</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>F11</source>
        <translation>F11</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>For a lecture room: larger text everywhere (trace, sequence, charts), high contrast, the key numbers big</source>
        <translation>Pour un amphithéâtre : texte plus grand partout (trace, séquence, graphiques), contraste élevé, les chiffres clés en grand</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>server %1 running</source>
        <translation>serveur %1 en marche</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Server %1 running</source>
        <translation>Serveur %1 en marche</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>server %1: %2</source>
        <translation>serveur %1&#xa0;: %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Server %1 did not start (see its panel)</source>
        <translation>Le serveur %1 n&apos;a pas démarré (voir son panneau)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>server %1 stopped</source>
        <translation>serveur %1 arrêté</translation>
    </message>
    <message>
        <location line="+98"/>
        <source>About Socket Workbench</source>
        <translation>À propos de Socket Workbench</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&lt;h3&gt;Socket Workbench %1&lt;/h3&gt;&lt;p&gt;Client/server experiments over the POSIX socket API: servers under every concurrency model, many clients, and every socket call made visible in a live trace.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Socket Workbench %1&lt;/h3&gt;&lt;p&gt;Expériences client/serveur avec l&apos;API socket POSIX&#xa0;: des serveurs sous chaque modèle de concurrence, de nombreux clients, et chaque appel sur un socket rendu visible dans une trace en direct.&lt;/p&gt;</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1 server(s), %2 running · %3 client window(s)</source>
        <translation>%1 serveur(s), %2 en marche · %3 fenêtre(s) client</translation>
    </message>
    <message>
        <location filename="../../app/gui/mainwindowlabs.cpp" line="+25"/>
        <source>Open Workspace</source>
        <translation>Ouvrir un espace de travail</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Socket Workbench workspace (*.sockwb)</source>
        <translation>Espace de travail Socket Workbench (*.sockwb)</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Lab</source>
        <translation>TP</translation>
    </message>
</context>
<context>
    <name>sockwb::app::WorkspaceController</name>
    <message>
        <location filename="../../app/gui/workspacecontroller.cpp" line="+74"/>
        <source>New &amp;Workspace</source>
        <translation>&amp;Nouvel espace de travail</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Close every server, relay and window and start an empty workspace</source>
        <translation>Fermer tous les serveurs, relais et fenêtres et commencer un espace de travail vide</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Open...</source>
        <translation>&amp;Ouvrir...</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+90"/>
        <source>Open Workspace</source>
        <translation>Ouvrir un espace de travail</translation>
    </message>
    <message>
        <location line="-89"/>
        <location line="+124"/>
        <source>Socket Workbench workspace (*.sockwb)</source>
        <translation>Espace de travail Socket Workbench (*.sockwb)</translation>
    </message>
    <message>
        <location line="-122"/>
        <source>Open a workspace: servers, relays, clients, requests and layout</source>
        <translation>Ouvrir un espace de travail : serveurs, relais, clients, requêtes et disposition</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open &amp;Recent</source>
        <translation>Ouvrir &amp;récent</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Save</source>
        <translation>&amp;Enregistrer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save &amp;As...</source>
        <translation>Enregistrer &amp;sous...</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Ctrl+Shift+S</source>
        <translation>Ctrl+Shift+S</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>&amp;Clear Menu</source>
        <translation>&amp;Vider le menu</translation>
    </message>
    <message>
        <location line="+57"/>
        <source>%1 could not be opened: %2</source>
        <translation>Impossible d&apos;ouvrir %1 : %2</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1: %2</source>
        <translation>%1 : %2</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Open Lab</source>
        <translation>Ouvrir un TP</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The lab %1 could not be opened: %2</source>
        <translation>Impossible d&apos;ouvrir le TP %1 : %2</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Save Workspace As</source>
        <translation>Enregistrer l&apos;espace de travail sous</translation>
    </message>
    <message>
        <location line="+10"/>
        <location line="+58"/>
        <source>Save Workspace</source>
        <translation>Enregistrer l&apos;espace de travail</translation>
    </message>
    <message>
        <location line="-9"/>
        <source>Socket Workbench[*]</source>
        <translation>Socket Workbench[*]</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1[*] — Socket Workbench</source>
        <translation>%1[*] — Socket Workbench</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The workspace has changes that are not saved.</source>
        <translation>L&apos;espace de travail contient des modifications non enregistrées.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 has changes that are not saved.</source>
        <translation>%1 contient des modifications non enregistrées.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Save them before going on?</source>
        <translation>Les enregistrer avant de continuer ?</translation>
    </message>
</context>
<context>
    <name>sockwb::app::WorkspaceStage</name>
    <message>
        <location filename="../../app/gui/workspacestage.cpp" line="+286"/>
        <source>the workspace has no server or relay named %1</source>
        <translation>l&apos;espace de travail n&apos;a aucun serveur ni relais nommé %1</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Not started: its target server %1 does not run (%2)</source>
        <translation>Non démarré : son serveur cible %1 n&apos;est pas en marche (%2)</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Waiting for %1 to run…</source>
        <translation>En attente du démarrage de %1…</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Not connected: %1 has no listener %2</source>
        <translation>Non connecté : %1 n&apos;a pas de socket d&apos;écoute %2</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Not connected: %1 did not start (%2)</source>
        <translation>Non connecté : %1 n&apos;a pas démarré (%2)</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+21"/>
        <source>see its panel</source>
        <translation>voir son panneau</translation>
    </message>
    <message>
        <location line="-3"/>
        <source>Not sent</source>
        <translation>Non envoyée</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Not sent: %1 does not run (%2)</source>
        <translation>Non envoyée : %1 n&apos;est pas en marche (%2)</translation>
    </message>
</context>
<context>
    <name>sockwb::app::addr</name>
    <message>
        <location filename="../../app/cli/addrcommand.cpp" line="+24"/>
        <source>Usage: sockwb addr [--json] HOST_OR_ADDRESS [PORT]
Shows an address as the socket API holds it: struct sockaddr_in (IPv4) or sockaddr_in6
(IPv6) byte by byte, with the port in network order next to its value (htons made
visible), what inet_pton returns for the text, and every result of getaddrinfo (family,
socket type, protocol, canonical name, the address dissected). A text that is not an
address is a host name: only getaddrinfo resolves it. Also HOST:PORT and [IPv6]:PORT.

  --json               one JSON object with the numbers and bytes (English, stable)

Examples:  sockwb addr 127.0.0.1 8080     sockwb addr ::1     sockwb addr localhost 80
           sockwb addr 999.1.1.1   (inet_pton returns 0: not an address, not a name)
Exit status: 0 shown, 1 the text is neither an address nor a name getaddrinfo knows,
2 bad usage (a port out of range...).
</source>
        <translation>Usage : sockwb addr [--json] HOST_OR_ADDRESS [PORT]
Montre une adresse telle que l&apos;API socket la stocke : struct sockaddr_in (IPv4) ou sockaddr_in6
(IPv6) octet par octet, avec le port dans l&apos;ordre réseau à côté de sa valeur (htons rendu
visible), ce que inet_pton renvoie pour le texte, et chaque résultat de getaddrinfo (famille,
type de socket, protocole, nom canonique, l&apos;adresse disséquée). Un texte qui n&apos;est pas une
adresse est un nom d&apos;hôte : seul getaddrinfo le résout. Accepte aussi HOST:PORT et [IPv6]:PORT.

  --json               un objet JSON avec les nombres et les octets (en anglais, stable)

Exemples : sockwb addr 127.0.0.1 8080     sockwb addr ::1     sockwb addr localhost 80
           sockwb addr 999.1.1.1   (inet_pton renvoie 0 : ni une adresse, ni un nom)
Code de sortie : 0 affiché, 1 le texte n&apos;est ni une adresse ni un nom connu de getaddrinfo,
2 mauvaise utilisation (un port hors limites...).
</translation>
    </message>
    <message>
        <location line="+107"/>
        <source>
Filled by hand (inet_pton, then htons for the port):
</source>
        <translation>
Rempli à la main (inet_pton, puis htons pour le port) :
</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>expected HOST_OR_ADDRESS and an optional PORT</source>
        <translation>HOST_OR_ADDRESS et un PORT facultatif attendus</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>as in sockwb addr 127.0.0.1 8080</source>
        <translation>comme dans sockwb addr 127.0.0.1 8080</translation>
    </message>
</context>
<context>
    <name>sockwb::app::cli</name>
    <message>
        <location filename="../../app/cli/cli.cpp" line="+24"/>
        <source>show an address as struct sockaddr_in/in6 byte by byte, inet_pton and getaddrinfo</source>
        <translation>afficher une adresse sous forme de struct sockaddr_in/in6 octet par octet, inet_pton et getaddrinfo</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>play the course&apos;s time-service scenario in the terminal, with the syscall trace</source>
        <translation>jouer le scénario du service horaire du cours dans le terminal, avec la trace des appels système</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>run a server (echo, chargen, clock, chat, http...) under a concurrency model</source>
        <translation>lancer un serveur (echo, chargen, clock, chat, http...) selon un modèle de concurrence</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>a TCP/UDP client: send messages, print the answer (or netcat mode)</source>
        <translation>un client TCP/UDP : envoyer des messages, afficher la réponse (ou mode netcat)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>send one HTTP/1.1 request and print the response (a small curl)</source>
        <translation>envoyer une requête HTTP/1.1 et afficher la réponse (un petit curl)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>load a server (HTTP, TCP/UDP echo, bulk): requests/s, latency percentiles, errors</source>
        <translation>mettre un serveur en charge (HTTP, écho TCP/UDP, bulk) : requêtes/s, percentiles de latence, erreurs</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>show a JSON trace as a sequence: handshake, data, FIN, RST arrows (text, JSON, SVG, PNG)</source>
        <translation>afficher une trace JSON sous forme de séquence : flèches de poignée de main, de données, FIN, RST (texte, JSON, SVG, PNG)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>list the machine&apos;s TCP, UDP and Unix sockets like ss -tuan: states, queues, owners</source>
        <translation>lister les sockets TCP, UDP et Unix de la machine comme ss -tuan : états, files d&apos;attente, propriétaires</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Usage: sockwb [SUB-COMMAND] [OPTIONS]
Socket Workbench: client/server experiments over the POSIX socket API.
With no sub-command the graphical workbench opens.

Sub-commands:
</source>
        <translation>Usage : sockwb [SUB-COMMAND] [OPTIONS]
Socket Workbench : expériences client/serveur avec l&apos;API socket POSIX.
Sans sous-commande, l&apos;interface graphique s&apos;ouvre.

Sous-commandes :
</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>
Options:
  -h, --help         show this help (SUB-COMMAND --help for a sub-command)
  -V, --version      show the version
  --lang en|fr       language of the workbench and of the sub-commands (default: the
                     system&apos;s: LC_ALL, LC_MESSAGES, LANG; the graphical workbench also
                     remembers the one chosen in View &gt; Language)
  --quit-after MS    open the workbench, close it after MS milliseconds (smoke tests)

The workbench closes cleanly (every server stopped) on SIGINT, SIGTERM and SIGHUP.
</source>
        <translation>
Options :
  -h, --help         afficher cette aide (SUB-COMMAND --help pour une sous-commande)
  -V, --version      afficher la version
  --lang en|fr       langue de l&apos;interface graphique et des sous-commandes (par défaut : celle du
                     système : LC_ALL, LC_MESSAGES, LANG ; l&apos;interface graphique retient aussi
                     celle choisie dans Affichage &gt; Langue)
  --quit-after MS    ouvrir l&apos;interface graphique, la fermer après MS millisecondes (tests rapides)

L&apos;interface graphique se ferme proprement (tous les serveurs arrêtés) sur SIGINT, SIGTERM et SIGHUP.
</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>sockwb: unknown sub-command &apos;%1&apos;
Try &apos;sockwb --help&apos; for the list.
</source>
        <translation>sockwb : sous-commande « %1 » inconnue
Essayez « sockwb --help » pour la liste.
</translation>
    </message>
    <message>
        <location filename="../../app/cli/clitext.cpp" line="+60"/>
        <source>--lang needs a value</source>
        <translation>--lang nécessite une valeur</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>unknown language &apos;%1&apos; (valid: en, fr)</source>
        <translation>langue « %1 » inconnue (valides : en, fr)</translation>
    </message>
</context>
<context>
    <name>sockwb::app::client</name>
    <message>
        <location filename="../../app/cli/clientcommand.cpp" line="+30"/>
        <source>Usage: sockwb client [--protocol tcp|udp] [--tls] HOST PORT [OPTIONS]
       sockwb client unix:PATH | unixgram:PATH [OPTIONS]
Connects to HOST PORT, sends each --send message, prints what comes back (byte-exact)
on stdout. With no --send it works like netcat: stdin goes to the server (TCP: half-close
at end of input), received bytes to stdout, until the server closes.

  --protocol tcp|udp|unix|unixgram  default tcp; unix, unixgram: the one argument is
                       the socket path. A unixgram client autobinds an abstract name
                       (unix:@xxxxx) so that the server can answer; no file is left
  --send TEXT          one message (repeatable), each its own send() (UDP: one datagram);
                       escapes \n \r \t \0 \\ \xHH
  --delay MS           pause between two --send (default 0)
  --until TEXT         stop (exit 0) as soon as TEXT was received (same escapes)
  --framing F          raw (default), line (adds \n) or len32 (4-byte big-endian length)
  --bind ADDR[:PORT]   bind() the client&apos;s socket first: 127.0.0.1:5000, :5000, [::1]:5000
  --io blocking|poll   blocking (default): the course&apos;s blocking connect/send/recv, one
                       after the other; poll: a non-blocking socket, sends and receives
                       at once. Netcat mode always polls (stdin and the socket)
  --recv-size N        bytes asked of each recv (default 65536): a small one splits a
                       message over several recvs (UDP: cuts the datagram)
  --shutdown rd|wr|rdwr  shutdown(SHUT_RD/SHUT_WR/SHUT_RDWR) after the sends
  --sockopt NAME=VALUE a socket option set before bind/connect (repeatable): SO_RCVBUF,
                       SO_SNDBUF, TCP_NODELAY, SO_KEEPALIVE, TCP_KEEPIDLE, TCP_KEEPINTVL,
                       TCP_KEEPCNT, SO_LINGER (0: close resets the connection),
                       SO_RCVTIMEO, SO_SNDTIMEO, SO_BROADCAST, IP_TTL, IPV6_V6ONLY,
                       SO_REUSEADDR, SO_REUSEPORT. Values: on/off, 64k, 500ms or 2s,
                       SO_LINGER=off|SECONDS. What getsockopt reads back is printed on
                       stderr (&apos;sockopt&apos; events with --json). SO_RCVTIMEO without
                       --timeout is the longest wait for data
  --timeout MS         connect timeout, and the longest wait for data. Defaults: 10000 with
                       --until, 5000 after --send (then the end is normal), none for a TCP
                       netcat, 2000 for UDP
  --max-time S         stop after S seconds in all (fractions allowed), connect included,
                       even while data keeps coming (exit status 1, as curl -m)
  --json               JSON lines on stdout: connected, tls, data (with its sender), shutdown
  --trace              print each socket call on stderr as it happens (with --tls, also
                       the TLS records each send/recv carried)

TLS (TCP only), as openssl s_client -quiet or ncat --ssl:
  --tls                a TLS handshake after connect; its summary (version, cipher, ALPN,
                       the server&apos;s certificate, SHA-256 fingerprint, verification) goes to
                       stderr; --send, stdin and stdout then carry the plaintext
  -k, --insecure       do not stop at a certificate that fails verification (the result is
                       still printed)
  --cacert FILE        trust the CAs of this PEM file instead of the system store
  --cert FILE          a client certificate (PEM); --key FILE its key, if not in FILE
  --servername NAME    the name sent as SNI and checked in the certificate (default HOST)
  --alpn LIST          protocols offered by ALPN, comma-separated (default none)

A UDP answer from another address than HOST PORT is accepted; its sender is printed on
stderr (always in the data events of --json).
The course&apos;s client:  sockwb client 127.0.0.1 PORT --send &apos;Bonjour\n&apos; --until &apos;Au Revoir&apos;
Over TLS:             sockwb client --tls --cacert ca.pem localhost 4433
Exit status: 0 done, 1 runtime error (refused, timed out before --until...), 2 bad usage.
</source>
        <translation>Utilisation : sockwb client [--protocol tcp|udp] [--tls] HOST PORT [OPTIONS]
              sockwb client unix:PATH | unixgram:PATH [OPTIONS]
Se connecte à HOST PORT, envoie chaque message --send, affiche ce qui revient (à l&apos;octet près)
sur stdout. Sans --send, fonctionne comme netcat : stdin va au serveur (TCP : demi-fermeture
en fin d&apos;entrée), les octets reçus vont sur stdout, jusqu&apos;à ce que le serveur ferme.

  --protocol tcp|udp|unix|unixgram  tcp par défaut ; unix, unixgram : l&apos;unique argument est
                       le chemin du socket. Un client unixgram fait un autobind sur un nom abstrait
                       (unix:@xxxxx) pour que le serveur puisse répondre ; aucun fichier ne reste
  --send TEXT          un message (répétable), chacun par son propre send() (UDP : un datagramme) ;
                       échappements \n \r \t \0 \\ \xHH
  --delay MS           pause entre deux --send (0 par défaut)
  --until TEXT         s&apos;arrêter (sortie 0) dès que TEXT a été reçu (mêmes échappements)
  --framing F          raw (par défaut), line (ajoute \n) ou len32 (longueur sur 4 octets, big-endian)
  --bind ADDR[:PORT]   faire d&apos;abord un bind() du socket du client : 127.0.0.1:5000, :5000, [::1]:5000
  --io blocking|poll   blocking (par défaut) : les connect/send/recv bloquants du cours, l&apos;un
                       après l&apos;autre ; poll : un socket non bloquant, qui envoie et reçoit
                       en même temps. Le mode netcat utilise toujours poll (stdin et le socket)
  --recv-size N        octets demandés à chaque recv (65536 par défaut) : une petite taille découpe
                       un message sur plusieurs recv (UDP : tronque le datagramme)
  --shutdown rd|wr|rdwr  shutdown(SHUT_RD/SHUT_WR/SHUT_RDWR) après les envois
  --sockopt NAME=VALUE une option de socket réglée avant bind/connect (répétable) : SO_RCVBUF,
                       SO_SNDBUF, TCP_NODELAY, SO_KEEPALIVE, TCP_KEEPIDLE, TCP_KEEPINTVL,
                       TCP_KEEPCNT, SO_LINGER (0 : close réinitialise la connexion),
                       SO_RCVTIMEO, SO_SNDTIMEO, SO_BROADCAST, IP_TTL, IPV6_V6ONLY,
                       SO_REUSEADDR, SO_REUSEPORT. Valeurs : on/off, 64k, 500ms ou 2s,
                       SO_LINGER=off|SECONDS. Ce que getsockopt relit est affiché sur
                       stderr (événements &apos;sockopt&apos; avec --json). SO_RCVTIMEO sans
                       --timeout donne l&apos;attente maximale de données
  --timeout MS         délai de connexion, et attente maximale de données. Par défaut : 10000 avec
                       --until, 5000 après --send (la fin est alors normale), aucun pour un netcat
                       TCP, 2000 pour UDP
  --max-time S         s&apos;arrêter après S secondes au total (décimales permises), connexion comprise,
                       même si des données continuent d&apos;arriver (code de sortie 1, comme curl -m)
  --json               lignes JSON sur stdout : connected, tls, data (avec son émetteur), shutdown
  --trace              afficher chaque appel socket sur stderr au moment où il a lieu (avec --tls,
                       aussi les enregistrements TLS que chaque send/recv a transportés)

TLS (TCP seulement), comme openssl s_client -quiet ou ncat --ssl :
  --tls                une poignée de main TLS après connect ; son résumé (version, suite de
                       chiffrement, ALPN, le certificat du serveur, l&apos;empreinte SHA-256, la
                       vérification) va sur stderr ; --send, stdin et stdout transportent
                       ensuite le texte en clair
  -k, --insecure       ne pas s&apos;arrêter sur un certificat dont la vérification échoue (le
                       résultat est quand même affiché)
  --cacert FILE        faire confiance aux CA de ce fichier PEM au lieu du magasin du système
  --cert FILE          un certificat client (PEM) ; --key FILE sa clé, si elle n&apos;est pas dans FILE
  --servername NAME    le nom envoyé comme SNI et vérifié dans le certificat (HOST par défaut)
  --alpn LIST          protocoles proposés par ALPN, séparés par des virgules (aucun par défaut)

Une réponse UDP venant d&apos;une autre adresse que HOST PORT est acceptée ; son émetteur est affiché sur
stderr (toujours dans les événements data de --json).
Le client du cours :  sockwb client 127.0.0.1 PORT --send &apos;Bonjour\n&apos; --until &apos;Au Revoir&apos;
En TLS :              sockwb client --tls --cacert ca.pem localhost 4433
Code de sortie : 0 terminé, 1 erreur d&apos;exécution (connexion refusée, délai dépassé avant --until...), 2 mauvaise utilisation.
</translation>
    </message>
    <message>
        <location line="+70"/>
        <source>--shutdown: &apos;%1&apos; is not rd, wr or rdwr</source>
        <translation>--shutdown : « %1 » n&apos;est pas rd, wr ou rdwr</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>--%1 is a TLS option: add --tls</source>
        <translation>--%1 est une option TLS : ajoutez --tls</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>--tls runs over TCP only (not udp, unix or unixgram)</source>
        <translation>--tls ne fonctionne que sur TCP (pas sur udp, unix ni unixgram)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>--key goes with --cert (the client certificate)</source>
        <translation>--key va avec --cert (le certificat du client)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>--servername needs a name</source>
        <translation>--servername nécessite un nom</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>--alpn: a protocol name is at most 255 bytes</source>
        <translation>--alpn : un nom de protocole fait au plus 255 octets</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>expected the socket path</source>
        <translation>chemin du socket attendu</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>as in sockwb client unix:/tmp/echo.sock</source>
        <translation>comme dans sockwb client unix:/tmp/echo.sock</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&apos;%1&apos; contradicts --protocol</source>
        <translation>« %1 » contredit --protocol</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>--protocol: &apos;%1&apos; is not tcp, udp, unix or unixgram</source>
        <translation>--protocol : « %1 » n&apos;est pas tcp, udp, unix ou unixgram</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>--until needs a non-empty text</source>
        <translation>--until demande un texte non vide</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>expected HOST and PORT</source>
        <translation>HOST et PORT attendus</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>as in sockwb client 127.0.0.1 7 --send &apos;hello\n&apos;</source>
        <translation>comme dans sockwb client 127.0.0.1 7 --send &apos;hello\n&apos;</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>--timeout must be at least 1 ms</source>
        <translation>--timeout doit valoir au moins 1 ms</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>sockwb client: to trust this server, give its CA (or its certificate) with --cacert FILE; -k/--insecure goes on without checking
</source>
        <translation>sockwb client : pour faire confiance à ce serveur, donnez sa CA (ou son certificat) avec --cacert FILE ; -k/--insecure continue sans vérifier
</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>sockwb client: the certificate names another host: connect by a name it holds, or check that name with --servername NAME
</source>
        <translation>sockwb client : le certificat désigne un autre hôte : connectez-vous par un nom qu&apos;il contient, ou vérifiez ce nom avec --servername NAME
</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>sockwb client: check the clocks of both machines; -k/--insecure goes on anyway
</source>
        <translation>sockwb client : vérifiez les horloges des deux machines ; -k/--insecure continue quand même
</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>sockwb client: with --bind the client&apos;s port is fixed: another socket holds it, or the last TCP connection from it is still in TIME_WAIT (about a minute). Choose another port, or give only the address.
</source>
        <translation>sockwb client : avec --bind, le port du client est fixé : un autre socket le détient, ou la dernière connexion TCP partie de ce port est encore en TIME_WAIT (environ une minute). Choisissez un autre port, ou donnez seulement l&apos;adresse.
</translation>
    </message>
    <message>
        <location filename="../../app/cli/clientrun.cpp" line="+153"/>
        <source>sockwb client: %1 did not arrive within %2 ms
</source>
        <translation>sockwb client : %1 n&apos;est pas arrivé dans les %2 ms
</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>sockwb client: stopped at --max-time (%1 ms)
</source>
        <translation>sockwb client : arrêté à --max-time (%1 ms)
</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>sockwb client: the server closed the connection before %1 arrived
</source>
        <translation>sockwb client : le serveur a fermé la connexion avant l&apos;arrivée de %1
</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>sockwb client: %1 bytes from %2 (sent to %3)
</source>
        <translation>sockwb client : %1 octets de %2 (envoi à %3)
</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>sockwb client: a datagram of %1 bytes was cut to %2 (--recv-size); the rest is lost
</source>
        <translation>sockwb client : un datagramme de %1 octets a été tronqué à %2 (--recv-size) ; le reste est perdu
</translation>
    </message>
    <message>
        <location filename="../../app/cli/clientrunblocking.cpp" line="+53"/>
        <source>sockwb client: the server does not read what is sent (it may be waiting for its answers to be read): try --io poll
</source>
        <translation>sockwb client : le serveur ne lit pas ce qui est envoyé (il attend peut-être que ses réponses soient lues) : essayez --io poll
</translation>
    </message>
</context>
<context>
    <name>sockwb::app::demo</name>
    <message>
        <location filename="../../app/cli/democommand.cpp" line="+46"/>
        <source>== server: accepted %1</source>
        <translation>== serveur : connexion de %1 acceptée</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>== server: received &quot;%1&quot;</source>
        <translation>== serveur : reçu « %1 »</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>== server: closed the connection of %1</source>
        <translation>== serveur : connexion de %1 fermée</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Usage: sockwb demo [--ticks N] [--interval MS]
Plays the course&apos;s time service: a clock server on 127.0.0.1 (port chosen by
the kernel), a client that says &quot;Bonjour&quot;, the time N times, &quot;Au Revoir&quot;.
Each socket call of both sides is printed as it happens.
</source>
        <translation>Utilisation : sockwb demo [--ticks N] [--interval MS]
Rejoue le service d&apos;heure du cours : un serveur d&apos;horloge sur 127.0.0.1 (port choisi par
le noyau), un client qui dit « Bonjour », l&apos;heure N fois, « Au Revoir ».
Chaque appel socket des deux côtés est affiché au moment où il a lieu.
</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>unexpected argument &apos;%1&apos;</source>
        <translation>argument inattendu « %1 »</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>== client: connected from %1</source>
        <translation>== client : connecté depuis %1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>== client got: %1</source>
        <translation>== le client a reçu : %1</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>== Time service demo: the server sends the time %1 times, every %2 ms, then &quot;Au Revoir&quot;</source>
        <translation>== Démo du service d&apos;heure : le serveur envoie l&apos;heure %1 fois, toutes les %2 ms, puis « Au Revoir »</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>== server listening on %1 (model %2, port 0 asked, getsockname shows the real one)</source>
        <translation>== serveur en écoute sur %1 (modèle %2, port 0 demandé, getsockname montre le vrai port)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>== the client never saw &quot;Au Revoir&quot;</source>
        <translation>== le client n&apos;a jamais vu « Au Revoir »</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>== done: the server closed after &quot;Au Revoir&quot;, the client read end of stream (recv = 0)</source>
        <translation>== terminé : le serveur a fermé après « Au Revoir », le client a lu la fin du flux (recv = 0)</translation>
    </message>
</context>
<context>
    <name>sockwb::app::escapes</name>
    <message>
        <location filename="../../app/cli/escapes.cpp" line="+18"/>
        <source>a lone &apos;\&apos; ends %1</source>
        <translation>un « \ » seul termine %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>write \\ for a backslash</source>
        <translation>écrivez \\ pour une barre oblique inverse</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>bad escape in %1</source>
        <translation>séquence d&apos;échappement invalide dans %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>\x needs two hex digits, as in \x0a</source>
        <translation>\x demande deux chiffres hexadécimaux, comme dans \x0a</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>unknown escape &apos;\%1&apos; in %2</source>
        <translation>séquence d&apos;échappement « \%1 » inconnue dans %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the escapes are \n \r \t \0 \\ \xHH</source>
        <translation>les séquences d&apos;échappement sont \n \r \t \0 \\ \xHH</translation>
    </message>
</context>
<context>
    <name>sockwb::app::http</name>
    <message>
        <location filename="../../app/cli/httpcommand.cpp" line="+22"/>
        <source>Usage: sockwb http [METHOD] URL [options]
Sends one HTTP/1.1 request and writes the response body to stdout, byte-exact.

  -H, --header &apos;Name: value&apos;  add a header (repeatable; &apos;Name:&apos; removes a default one)
  -d, --data DATA | @FILE     request body (repeatable, joined with &apos;&amp;&apos;); implies POST
  -i, --include               write the status line and headers before the body
  -o, --output FILE           write the body to FILE instead of stdout
      --timing                print the phase timings (resolve, connect, tls, send,
                              wait, download)
      --raw                   write the exact bytes received (status line, headers, framing)
  -L, --location              follow redirects
      --max-redirs N          at most N redirects (default 10)
      --compressed            ask for gzip/deflate and decode the body
      --http1.0               send HTTP/1.0
      --timeout S             give up when nothing comes for S seconds (default 30)
  -m, --max-time S            give up after S seconds in all, redirects included
                              (fractions allowed; an endless body stops there)
      --lenient               tolerate sloppy chunk framing (bare LF, odd chunk
                              extensions) to debug odd servers
      --from-curl &apos;curl ...&apos;  send what that curl command would send
      --as-curl               print the equivalent curl command instead of sending
  -v, --verbose               print the connection, the TLS handshake and the heads
                              on stderr (&quot;*&quot;, &quot;&gt;&quot; and &quot;&lt;&quot; lines, as curl -v)
      --json                  after the body, one JSON object per round trip on
                              stdout (timings, bytes, &quot;tls&quot;: version, cipher, chain...)
https:// (TLS 1.2 and 1.3, verified against the system&apos;s CA store):
  -k, --insecure              do not verify the server&apos;s certificate or name
      --cacert FILE           trust the CA certificates in FILE (PEM) instead
      --cert FILE             client certificate (PEM)
      --key FILE              its private key (PEM; default: in the --cert file)
      --resolve HOST:PORT:ADDRESS
                              connect to ADDRESS for HOST:PORT (repeatable); the
                              URL&apos;s host stays in Host, SNI and the name check
      --tlsv1.2               use TLS 1.2 or later (the default)
      --tlsv1.3               use TLS 1.3 only
      --tls-max VERSION       use at most this TLS version (1.2 or 1.3)
The body is written as it comes (with --compressed, once decoded; --raw keeps
the whole response before writing it).
When the connection fails after part of the response came (a server that closes
without reading the request makes its kernel reset the connection: ECONNRESET), what
came is written first (the body so far, or the raw bytes without a complete head),
then the error.
Exit status: 0 when a response was read (whatever its status), 1 on connection,
TLS, timeout or framing errors, 2 on bad usage.
</source>
        <translation>Usage : sockwb http [METHOD] URL [options]
Envoie une requête HTTP/1.1 et écrit le corps de la réponse sur stdout, à l&apos;octet près.

  -H, --header &apos;Name: value&apos;  ajouter un en-tête (répétable ; &apos;Name:&apos; retire un en-tête
                              par défaut)
  -d, --data DATA | @FILE     corps de la requête (répétable, joints par &apos;&amp;&apos;) ; implique POST
  -i, --include               écrire la ligne de statut et les en-têtes avant le corps
  -o, --output FILE           écrire le corps dans FILE au lieu de stdout
      --timing                afficher les durées des phases (résolution, connexion, tls,
                              envoi, attente, téléchargement)
      --raw                   écrire les octets exacts reçus (ligne de statut, en-têtes,
                              délimitation)
  -L, --location              suivre les redirections
      --max-redirs N          au plus N redirections (par défaut 10)
      --compressed            demander gzip/deflate et décoder le corps
      --http1.0               envoyer en HTTP/1.0
      --timeout S             abandonner quand rien n&apos;arrive pendant S secondes (par défaut 30)
  -m, --max-time S            abandonner après S secondes au total, redirections comprises
                              (fractions permises ; un corps sans fin s&apos;arrête là)
      --lenient               tolérer une délimitation des chunks approximative (LF seuls,
                              extensions de chunk inhabituelles) pour déboguer des serveurs
                              bizarres
      --from-curl &apos;curl ...&apos;  envoyer ce qu&apos;enverrait cette commande curl
      --as-curl               afficher la commande curl équivalente au lieu d&apos;envoyer
  -v, --verbose               afficher la connexion, la poignée de main TLS et les en-têtes
                              sur stderr (lignes &quot;*&quot;, &quot;&gt;&quot; et &quot;&lt;&quot;, comme curl -v)
      --json                  après le corps, un objet JSON par aller-retour sur stdout
                              (durées, octets, &quot;tls&quot; : version, suite de chiffrement,
                              chaîne...)
https:// (TLS 1.2 et 1.3, vérifié avec le magasin de CA du système) :
  -k, --insecure              ne pas vérifier le certificat ni le nom du serveur
      --cacert FILE           faire confiance aux certificats de CA de FILE (PEM) à la place
      --cert FILE             certificat du client (PEM)
      --key FILE              sa clé privée (PEM ; par défaut : dans le fichier de --cert)
      --resolve HOST:PORT:ADDRESS
                              se connecter à ADDRESS pour HOST:PORT (répétable) ; l&apos;hôte
                              de l&apos;URL reste dans Host, le SNI et la vérification du nom
      --tlsv1.2               utiliser TLS 1.2 ou plus récent (par défaut)
      --tlsv1.3               utiliser TLS 1.3 uniquement
      --tls-max VERSION       utiliser au plus cette version de TLS (1.2 ou 1.3)
Le corps est écrit au fur et à mesure qu&apos;il arrive (avec --compressed, une fois décodé ;
--raw garde toute la réponse avant de l&apos;écrire).
Quand la connexion échoue après l&apos;arrivée d&apos;une partie de la réponse (un serveur qui ferme
sans lire la requête amène son noyau à réinitialiser la connexion : ECONNRESET), ce qui est
arrivé est écrit d&apos;abord (le corps reçu jusque-là, ou les octets bruts s&apos;il n&apos;y a pas
d&apos;en-tête complet), puis l&apos;erreur.
Code de sortie : 0 quand une réponse a été lue (quel que soit son statut), 1 en cas d&apos;erreur
de connexion, de TLS, de délai dépassé ou de délimitation, 2 en cas de mauvaise utilisation.
</translation>
    </message>
    <message>
        <location line="+118"/>
        <source>--from-curl takes the URL from the curl command</source>
        <translation>--from-curl prend l&apos;URL dans la commande curl</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>expected [METHOD] URL</source>
        <translation>[METHOD] URL attendus</translation>
    </message>
    <message>
        <location line="+130"/>
        <source>  tls %1 ms</source>
        <translation>  tls %1 ms</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>sockwb http: cannot write &apos;%1&apos;
</source>
        <translation>sockwb http : impossible d&apos;écrire « %1 »
</translation>
    </message>
    <message>
        <location line="-51"/>
        <source>%1  resolve %2 ms  connect %3 ms%4  send %5 ms  wait %6 ms  download %7 ms  total %8 ms  sent %9 B  received %10 B
</source>
        <translation>%1  résolution %2 ms  connexion %3 ms%4  envoi %5 ms  attente %6 ms  téléchargement %7 ms  total %8 ms  envoyé %9 o  reçu %10 o
</translation>
    </message>
    <message>
        <location line="+7"/>
        <source> (reused)</source>
        <translation> (réutilisée)</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>sockwb http: %1 bytes of the response came before the error
</source>
        <translation>sockwb http : %1 octets de la réponse sont arrivés avant l&apos;erreur
</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>sockwb http: %1 bytes of the response came before the error (written raw: no complete head)
</source>
        <translation>sockwb http : %1 octets de la réponse sont arrivés avant l&apos;erreur (écrits bruts : pas d&apos;en-tête complet)
</translation>
    </message>
</context>
<context>
    <name>sockwb::app::load</name>
    <message>
        <location filename="../../app/cli/loadcommand.cpp" line="+28"/>
        <source>Usage: sockwb load URL|tcp://HOST:PORT|udp://HOST:PORT (--duration S | --requests N) [options]
Loads a server and reports requests/s, bytes/s, latency percentiles and errors.
  http://...      HTTP/1.1 GET, keep-alive (each response framed, status counted)
  https://...     the same over TLS (port 443 by default; SNI and the name checked are
                  the URL&apos;s host); reports TLS handshakes, resumed sessions, handshakes/s
  tcp://H:P       TCP echo round trips of --payload bytes (or --bulk)
  udp://H:P       UDP echo: one datagram of --payload bytes out, one back

  -c, --connections N  concurrent connections over all threads (default 10)
  -t, --threads T      event loops, one per thread (default 1)
  -d, --duration S     run for S seconds (decimals allowed)
  -n, --requests N     stop after exactly N requests (with -d: whichever comes first)
      --rate R         open loop: R requests/s in total, latency timed from when each
                       request was due (no coordinated omission); default closed loop
      --no-keepalive   HTTP: a new connection per request (Connection: close)
  -k, --insecure       https: do not verify the server&apos;s certificate
      --cacert FILE    https: trust the CAs in FILE (PEM) instead of the system store
      --cert FILE      https: present this client certificate (PEM)
      --key FILE       https: its private key (PEM), when not in --cert&apos;s file
      --no-resume      https: no session resumption, every new connection a full handshake
      --payload BYTES  echo: bytes per round trip (default 64); bulk: bytes per send (default 131072)
      --bulk           tcp://: send as fast as possible (to a discard service); reports bytes/s
      --timeout S      a request slower than S seconds counts as a timeout error (default 5)
      --full-parser    HTTP: frame with the full response parser (slower; for comparison)
      --json           print one JSON object instead of the report
Exit status: 0 when requests completed, 1 when none did (errors only), 2 on bad usage.
</source>
        <translation>Usage : sockwb load URL|tcp://HOST:PORT|udp://HOST:PORT (--duration S | --requests N) [options]
Met un serveur en charge et rapporte requêtes/s, octets/s, percentiles de latence et erreurs.
  http://...      HTTP/1.1 GET, keep-alive (chaque réponse délimitée, statut compté)
  https://...     la même chose sur TLS (port 443 par défaut ; le SNI et le nom vérifié sont
                  l&apos;hôte de l&apos;URL) ; rapporte les poignées de main TLS, les sessions reprises,
                  les poignées de main/s
  tcp://H:P       allers-retours d&apos;écho TCP de --payload octets (ou --bulk)
  udp://H:P       écho UDP : un datagramme de --payload octets envoyé, un en retour

  -c, --connections N  connexions simultanées sur l&apos;ensemble des threads (par défaut 10)
  -t, --threads T      boucles d&apos;événements, une par thread (par défaut 1)
  -d, --duration S     tourner pendant S secondes (décimales permises)
  -n, --requests N     s&apos;arrêter après exactement N requêtes (avec -d : au premier des deux
                       atteint)
      --rate R         boucle ouverte : R requêtes/s au total, latence mesurée à partir du
                       moment où chaque requête était due (sans omission coordonnée) ; par
                       défaut, boucle fermée
      --no-keepalive   HTTP : une nouvelle connexion par requête (Connection: close)
  -k, --insecure       https : ne pas vérifier le certificat du serveur
      --cacert FILE    https : faire confiance aux CA de FILE (PEM) au lieu du magasin du
                       système
      --cert FILE      https : présenter ce certificat client (PEM)
      --key FILE       https : sa clé privée (PEM), quand elle n&apos;est pas dans le fichier de
                       --cert
      --no-resume      https : pas de reprise de session, chaque nouvelle connexion fait une
                       poignée de main TLS complète
      --payload BYTES  écho : octets par aller-retour (par défaut 64) ; bulk : octets par send
                       (par défaut 131072)
      --bulk           tcp:// : envoyer aussi vite que possible (vers un service discard) ;
                       rapporte les octets/s
      --timeout S      une requête plus lente que S secondes compte comme une erreur de délai
                       dépassé (par défaut 5)
      --full-parser    HTTP : délimiter avec l&apos;analyseur de réponse complet (plus lent ; pour
                       comparaison)
      --json           afficher un objet JSON au lieu du rapport
Code de sortie : 0 quand des requêtes ont abouti, 1 quand aucune n&apos;a abouti (erreurs
seulement), 2 en cas de mauvaise utilisation.
</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>--connections needs %1 descriptors</source>
        <translation>--connections demande %1 descripteurs</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the limit is %1 (ulimit -n)</source>
        <translation>la limite est %1 (ulimit -n)</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>%1: &apos;%2&apos; is not a whole number</source>
        <translation>%1 : « %2 » n&apos;est pas un nombre entier</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>--bulk needs a tcp://HOST:PORT target</source>
        <translation>--bulk demande une cible tcp://HOST:PORT</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>--no-keepalive applies to HTTP URLs only</source>
        <translation>--no-keepalive ne s&apos;applique qu&apos;aux URL HTTP</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>TLS options apply to https:// URLs only</source>
        <translation>les options TLS ne s&apos;appliquent qu&apos;aux URL https://</translation>
    </message>
    <message>
        <location line="+53"/>
        <source>no target given</source>
        <translation>aucune cible donnée</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>more than one target (&apos;%1&apos; and &apos;%2&apos;)</source>
        <translation>plus d&apos;une cible (« %1 » et « %2 »)</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>[%1s] %2 requests (%3/s), %4 errors, %5
</source>
        <translation>[%1s] %2 requêtes (%3/s), %4 erreurs, %5
</translation>
    </message>
    <message>
        <location line="+56"/>
        <source>sockwb load: %1, %2, %3 connection(s), %4 thread(s), %5
</source>
        <translation>sockwb load : %1, %2, %3 connexion(s), %4 thread(s), %5
</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>open loop at %1 req/s</source>
        <translation>boucle ouverte à %1 req/s</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>closed loop</source>
        <translation>boucle fermée</translation>
    </message>
</context>
<context>
    <name>sockwb::app::main</name>
    <message>
        <location filename="../../app/main.cpp" line="+116"/>
        <source>Socket Workbench: %1 received, closing the workbench (every server is stopped).</source>
        <translation>Socket Workbench : %1 reçu, fermeture de l’atelier (chaque serveur est arrêté).</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Socket Workbench %1: main window open, closing it in %2 ms (--quit-after).</source>
        <translation>Socket Workbench %1 : fenêtre principale ouverte, fermeture dans %2 ms (--quit-after).</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Socket Workbench: closing the main window (--quit-after).</source>
        <translation>Socket Workbench : fermeture de la fenêtre principale (--quit-after).</translation>
    </message>
</context>
<context>
    <name>sockwb::app::sequence</name>
    <message>
        <location filename="../../app/cli/sequencecommand.cpp" line="+31"/>
        <source>Usage: sockwb sequence [--text|--json|--svg FILE|--png FILE] [TRACE.jsonl|-]
Reads a trace written as JSON lines (sockwb serve --trace --json, sockwb trace
--json; other lines are skipped) from TRACE.jsonl, or from standard input when
it is - or absent, and shows the exchange as a sequence: connect -&gt; accept (the
handshake), each send -&gt; the recvs that read its bytes, close or shutdown -&gt; the
peer&apos;s recv = 0 (FIN), a reset, datagrams and the ones never received.

  --text         one line per arrow: time since the first call, kind, from
                 &quot;pid/fd call&quot; -&gt; to, bytes, and over TLS the records it
                 carried, [ClientHello] (the default)
  --json         one JSON object per arrow (&quot;tls&quot;: the records&apos; names)
  --svg FILE     draw the sequence diagram into an SVG file
  --png FILE     draw it into a PNG image
  -h, --help     show this help
Exit status: 0 done, 1 the trace cannot be read, has no trace line or the
file cannot be written, 2 bad usage.
</source>
        <translation>Usage : sockwb sequence [--text|--json|--svg FILE|--png FILE] [TRACE.jsonl|-]
Lit une trace écrite en lignes JSON (sockwb serve --trace --json, sockwb trace
--json ; les autres lignes sont ignorées) depuis TRACE.jsonl, ou depuis l&apos;entrée
standard s&apos;il vaut - ou est absent, et montre l&apos;échange sous forme de séquence :
connect -&gt; accept (la poignée de main), chaque send -&gt; les recv qui lisent ses octets,
close ou shutdown -&gt; le recv = 0 du pair (FIN), une réinitialisation, les datagrammes
et ceux qui n&apos;ont jamais été reçus.

  --text         une ligne par flèche : temps depuis le premier appel, type, de
                 « pid/fd appel » -&gt; vers, octets, et sur TLS les enregistrements
                 qu&apos;elle transportait, [ClientHello] (par défaut)
  --json         un objet JSON par flèche (&quot;tls&quot; : les noms des enregistrements)
  --svg FILE     dessiner le diagramme de séquence dans un fichier SVG
  --png FILE     le dessiner dans une image PNG
  -h, --help     afficher cette aide
Code de sortie : 0 terminé, 1 la trace ne peut pas être lue, n&apos;a aucune ligne de trace
ou le fichier ne peut pas être écrit, 2 mauvaise utilisation.
</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>choose one of --text, --json, --svg and --png</source>
        <translation>choisissez une seule option parmi --text, --json, --svg et --png</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>one trace file at most, not %1</source>
        <translation>un seul fichier de trace au plus, pas %1</translation>
    </message>
    <message>
        <location line="+140"/>
        <source>  1 byte</source>
        <translation>  1 octet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>  %1 bytes</source>
        <translation>  %1 octets</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>sockwb sequence: cannot write %1: %2
</source>
        <translation>sockwb sequence : impossible d&apos;écrire %1 : %2
</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>sockwb sequence: no trace line in %1 (write one with sockwb serve --trace --json or sockwb trace --json)
</source>
        <translation>sockwb sequence : aucune ligne de trace dans %1 (écrivez-en une avec sockwb serve --trace --json ou sockwb trace --json)
</translation>
    </message>
</context>
<context>
    <name>sockwb::app::serve</name>
    <message>
        <location filename="../../app/cli/servehelp.h" line="+9"/>
        <source>Usage: sockwb serve --service S [OPTIONS]
Runs a server until Ctrl-C (SIGINT) or SIGTERM, then stops cleanly (exit 0).
Prints &apos;listening &lt;proto&gt; &lt;addr&gt;:&lt;port&gt; model=&lt;m&gt; service=&lt;s&gt;&apos; once per listener
as soon as it accepts (the real port when --port 0; unix:&lt;path&gt; for a Unix socket).

  --service S            echo, discard, chargen, daytime, time, clock, chat, http
  --protocol tcp|udp|unix|unixgram  default tcp; unix: AF_UNIX stream, unixgram:
                         AF_UNIX datagram (the services and models of UDP)
  --bind ADDR            address to listen on (default 127.0.0.1; 0.0.0.0 or :: for all,
                         never an empty one);
                         unix, unixgram: the socket path (@name: abstract). unix:PATH and
                         unixgram:PATH choose the protocol too. The socket file is removed
                         at stop; a stale one (nobody answers on it) is replaced at start
  --port N               0 (default) lets the kernel choose a free port
  --model M              iterative, fork, thread, pool, select, poll, epoll, io_uring
                         (default epoll)
  --loops N              epoll, io_uring: N event loops on N threads (default 1, at
                         most 64), each with its own SO_REUSEPORT copy of every TCP
                         listener, as nginx&apos;s worker_processes N; N = the cores is
                         the usual choice. UDP listeners stay on loop 0; not with a
                         unix stream listener (a path names one socket)
  --threads N            pool: worker threads (default 4)
  --io blocking|poll     iterative, fork, thread, pool: wait in blocking calls as the
                         course&apos;s programs do (default), or poll non-blocking sockets
  --backlog N            listen() queue length (default 128)
  --sockopt NAME=VALUE   a socket option (repeatable), set on each listener before bind
                         (SO_REUSEADDR, SO_REUSEPORT, SO_RCVBUF, SO_SNDBUF, IPV6_V6ONLY)
                         or on each accepted socket (TCP_NODELAY, SO_KEEPALIVE,
                         TCP_KEEPIDLE, TCP_KEEPINTVL, TCP_KEEPCNT, SO_LINGER, SO_RCVTIMEO,
                         SO_SNDTIMEO, SO_BROADCAST, IP_TTL); UDP sockets get both kinds.
                         Values: on/off, 64k, 500ms or 2s, SO_LINGER=off|SECONDS. A
                         &apos;sockopt&apos; line shows what getsockopt reads back (SO_RCVBUF:
                         the kernel doubles it), for the first accepted socket too
  --no-reuseaddr         do not set SO_REUSEADDR (on by default): a restart on the same
                         port fails with EADDRINUSE while TIME-WAIT entries exist
  --ticks N              clock: times sent per request (default 5)
  --interval MS          clock: pause between two of them (default 1000)
  --terminator T         clock: none (default: the course&apos;s bytes, &quot;Au Revoir&quot; alone),
                         lf or crlf after each message (for netcat, telnet)
  --root DIR             http: folder of static files; / is its index.html
  --also SERVICE[/udp]:PORT  one more listener on the same address (repeatable;
                         select, poll, epoll and io_uring serve several listeners);
                         SERVICE/unix:PATH, SERVICE/unixgram:PATH for a Unix socket
  --max-connections N    over N a client is accepted then closed (0: no limit)
  --max-workers N        fork: children, thread: client threads at once (default 256,
                         0: no limit); over N a client is accepted, logged and closed
  --idle-timeout MS      close a connection idle that long (0: never); any byte
                         received restarts it, so it does not stop a slow client
  --header-timeout MS    http: whole request head within MS of its first byte, else
                         408 and close (default 20000; 0: none)
  --body-timeout MS      http: longest wait between two reads of a request body, else
                         408 and close (default 60000; 0: none)
  --keepalive-timeout MS http: close a connection waiting that long for its next
                         request, or its first (default 75000; 0: never)
  --udp-rate N           UDP: replies a second to one address, burst 2N (default 100;
                         0: no limit). Datagrams from service ports (7, 13, 19...)
                         or from the server&apos;s own address are never answered
  --memory-budget SIZE   memory all connections together may hold (output and request
                         buffers; 64M, 1G; default 256M, 0: no limit): reads pause
                         at it, an http upload that crosses it gets a 503
  --output-limit HARD[,SOFT,SECONDS]  chat: a client with more than HARD bytes
                         queued for it, or more than SOFT for SECONDS, does not
                         read and is closed (sizes in bytes or with K, M, G;
                         0: off; default 8M,2M,60)
  --tls                  every TCP listener speaks TLS (1.2 and 1.3, ALPN http/1.1), under
                         every model; UDP listeners stay plain. Without --cert, a
                         self-signed certificate for localhost, made on first use and kept
                         in ~/.config/sockwb/tls. Prints the certificate&apos;s subject, SANs,
                         SHA-256 fingerprint and file (&apos;tls ...&apos; lines)
  --cert FILE            the server&apos;s certificate chain (PEM); implies --tls
  --key FILE             its private key (PEM; default: in the --cert file)
  --trace                print each socket call on stderr as it happens
  --json                 print events (and the trace) as JSON lines on stdout
  -v, --verbose          also print connections and service log lines
Exit status: 0 stopped by a signal, 1 runtime error (port in use...), 2 bad usage.
</source>
        <translation>Usage : sockwb serve --service S [OPTIONS]
Fait tourner un serveur jusqu&apos;à Ctrl-C (SIGINT) ou SIGTERM, puis l&apos;arrête proprement (code 0).
Affiche &apos;listening &lt;proto&gt; &lt;addr&gt;:&lt;port&gt; model=&lt;m&gt; service=&lt;s&gt;&apos; une fois par socket d&apos;écoute
dès qu&apos;il accepte des connexions (le vrai port avec --port 0 ; unix:&lt;path&gt; pour un socket Unix).

  --service S            echo, discard, chargen, daytime, time, clock, chat, http
  --protocol tcp|udp|unix|unixgram  tcp par défaut ; unix : flux AF_UNIX, unixgram :
                         datagrammes AF_UNIX (les services et les modèles d&apos;UDP)
  --bind ADDR            adresse d&apos;écoute (par défaut 127.0.0.1 ; 0.0.0.0 ou :: pour toutes,
                         jamais une adresse vide) ;
                         unix, unixgram : le chemin du socket (@nom : abstrait). unix:PATH et
                         unixgram:PATH choisissent aussi le protocole. Le fichier socket est
                         supprimé à l&apos;arrêt ; un fichier périmé (personne n&apos;y répond) est
                         remplacé au démarrage
  --port N               0 (par défaut) laisse le noyau choisir un port libre
  --model M              iterative, fork, thread, pool, select, poll, epoll, io_uring
                         (par défaut epoll)
  --loops N              epoll, io_uring : N boucles d&apos;événements sur N threads (1 par
                         défaut, 64 au plus), chacune avec sa propre copie SO_REUSEPORT de
                         chaque socket d&apos;écoute TCP, comme worker_processes N de nginx ;
                         N = le nombre de cœurs est le choix habituel. Les sockets UDP
                         restent sur la boucle 0 ; pas avec une socket d&apos;écoute unix (un
                         chemin nomme une seule socket)
  --threads N            pool : threads de travail (par défaut 4)
  --io blocking|poll     iterative, fork, thread, pool : attendre dans des appels bloquants
                         comme le font les programmes du cours (par défaut), ou surveiller
                         avec poll des sockets non bloquants
  --backlog N            longueur de la file d&apos;attente de listen() (par défaut 128)
  --sockopt NAME=VALUE   une option de socket (répétable), réglée sur chaque socket d&apos;écoute
                         avant bind (SO_REUSEADDR, SO_REUSEPORT, SO_RCVBUF, SO_SNDBUF,
                         IPV6_V6ONLY) ou sur chaque socket accepté (TCP_NODELAY, SO_KEEPALIVE,
                         TCP_KEEPIDLE, TCP_KEEPINTVL, TCP_KEEPCNT, SO_LINGER, SO_RCVTIMEO,
                         SO_SNDTIMEO, SO_BROADCAST, IP_TTL) ; les sockets UDP reçoivent les
                         deux sortes. Valeurs : on/off, 64k, 500ms ou 2s, SO_LINGER=off|SECONDS.
                         Une ligne &apos;sockopt&apos; montre ce que getsockopt relit (SO_RCVBUF : le
                         noyau double la valeur), pour le premier socket accepté aussi
  --no-reuseaddr         ne pas activer SO_REUSEADDR (activé par défaut) : un redémarrage sur
                         le même port échoue avec EADDRINUSE tant qu&apos;il reste des entrées
                         TIME-WAIT
  --ticks N              clock : nombre d&apos;envois de l&apos;heure par requête (par défaut 5)
  --interval MS          clock : pause entre deux envois (par défaut 1000)
  --terminator T         clock : none (par défaut : les octets du cours, « Au Revoir » seul),
                         lf ou crlf après chaque message (pour netcat, telnet)
  --root DIR             http : dossier des fichiers statiques ; / est son index.html
  --also SERVICE[/udp]:PORT  un socket d&apos;écoute de plus sur la même adresse (répétable ;
                         select, poll, epoll et io_uring servent plusieurs sockets d&apos;écoute) ;
                         SERVICE/unix:PATH, SERVICE/unixgram:PATH pour un socket Unix
  --max-connections N    au-delà de N, un client est accepté puis fermé (0 : pas de limite)
  --max-workers N        fork : processus fils, thread : threads client simultanés (par
                         défaut 256, 0 : pas de limite) ; au-delà de N, un client est
                         accepté, journalisé et fermé
  --idle-timeout MS      fermer une connexion inactive depuis cette durée (0 : jamais) ; tout
                         octet reçu relance le délai, il n&apos;arrête donc pas un client lent
  --header-timeout MS    http : l&apos;en-tête complet de la requête doit arriver dans les MS
                         suivant son premier octet, sinon 408 et fermeture (par défaut
                         20000 ; 0 : aucun)
  --body-timeout MS      http : attente maximale entre deux lectures du corps d&apos;une requête,
                         sinon 408 et fermeture (par défaut 60000 ; 0 : aucun)
  --keepalive-timeout MS http : fermer une connexion qui attend depuis cette durée sa
                         requête suivante, ou sa première (par défaut 75000 ; 0 : jamais)
  --udp-rate N           UDP : réponses par seconde vers une même adresse, rafale de 2N (par
                         défaut 100 ; 0 : pas de limite). Les datagrammes venant de ports de
                         service (7, 13, 19...) ou de l&apos;adresse du serveur lui-même ne
                         reçoivent jamais de réponse
  --memory-budget SIZE   mémoire que toutes les connexions ensemble peuvent occuper (tampons
                         de sortie et de requête ; 64M, 1G ; par défaut 256M, 0 : pas de
                         limite) : les lectures se mettent en pause à ce seuil, un envoi
                         (upload) http qui le dépasse reçoit un 503
  --output-limit HARD[,SOFT,SECONDS]  chat : un client qui a plus de HARD octets
                         en attente pour lui, ou plus de SOFT pendant SECONDS, n&apos;est
                         plus lu et est fermé (tailles en octets ou avec K, M, G ;
                         0 : désactivé ; par défaut 8M,2M,60)
  --tls                  chaque socket d&apos;écoute TCP parle TLS (1.2 et 1.3, ALPN http/1.1),
                         sous chaque modèle ; les sockets d&apos;écoute UDP restent en clair.
                         Sans --cert, un certificat auto-signé pour localhost, créé à la
                         première utilisation et conservé dans ~/.config/sockwb/tls. Affiche
                         le sujet du certificat, ses SAN, son empreinte SHA-256 et son
                         fichier (lignes &apos;tls ...&apos;)
  --cert FILE            la chaîne de certificats du serveur (PEM) ; implique --tls
  --key FILE             sa clé privée (PEM ; par défaut : dans le fichier de --cert)
  --trace                afficher chaque appel socket sur stderr au moment où il a lieu
  --json                 afficher les événements (et la trace) en lignes JSON sur stdout
  -v, --verbose          afficher aussi les connexions et les lignes de journal des services
Code de sortie : 0 arrêté par un signal, 1 erreur d&apos;exécution (port occupé...), 2 mauvaise
utilisation.
</translation>
    </message>
    <message>
        <location filename="../../app/cli/servecommand.cpp" line="+41"/>
        <source>--also &apos;%1&apos;: expected SERVICE[/udp]:PORT</source>
        <translation>--also « %1 » : SERVICE[/udp]:PORT attendu</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>as in --also daytime/udp:1313</source>
        <translation>comme dans --also daytime/udp:1313</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>--bind %1 contradicts --protocol %2</source>
        <translation>--bind %1 contredit --protocol %2</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>--protocol %1 needs the socket path</source>
        <translation>--protocol %1 demande le chemin du socket</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>as in --bind /tmp/echo.sock</source>
        <translation>comme dans --bind /tmp/echo.sock</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>a Unix socket has a path, not a port: drop --port</source>
        <translation>un socket Unix a un chemin, pas de port : retirez --port</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>expected blocking or poll</source>
        <translation>blocking ou poll attendu</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>--output-limit &apos;%1&apos;: expected HARD[,SOFT,SECONDS]</source>
        <translation>--output-limit « %1 » : HARD[,SOFT,SECONDS] attendu</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>as in --output-limit 8M,2M,60 (sizes in bytes or with K, M, G; SOFT below HARD; 0 turns a limit off)</source>
        <translation>comme dans --output-limit 8M,2M,60 (tailles en octets ou avec K, M, G ; SOFT inférieur à HARD ; 0 désactive une limite)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>--key needs --cert: the certificate that goes with the key</source>
        <translation>--key nécessite --cert : le certificat qui va avec la clé</translation>
    </message>
    <message>
        <location line="+56"/>
        <source>--bind &apos;&apos;: an empty address</source>
        <translation>--bind &apos;&apos; : une adresse vide</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>give 127.0.0.1 (this machine only), 0.0.0.0 or :: (every address) or a socket path</source>
        <translation>donnez 127.0.0.1 (cette machine seulement), 0.0.0.0 ou :: (toutes les adresses) ou un chemin de socket</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>unknown model &apos;%1&apos;</source>
        <translation>modèle « %1 » inconnu</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the models are %1</source>
        <translation>les modèles sont %1</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>unexpected argument &apos;%1&apos;</source>
        <translation>argument inattendu « %1 »</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>--service is required</source>
        <translation>--service est obligatoire</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the services are %1</source>
        <translation>les services sont %1</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>--tls needs a TCP listener: UDP and Unix sockets stay plain</source>
        <translation>--tls nécessite un socket d&apos;écoute TCP : les sockets UDP et Unix restent en clair</translation>
    </message>
    <message>
        <location line="+60"/>
        <source>sockwb serve: --io is ignored: the %1 model is an event loop, it always waits in %2
</source>
        <translation>sockwb serve : --io est ignoré : le modèle %1 est une boucle d&apos;événements, il attend toujours dans %2
</translation>
    </message>
    <message>
        <location filename="../../app/cli/serveprinter.cpp" line="+64"/>
        <source>listening %1 %2%3 model=%4 service=%5</source>
        <translation>listening %1 %2%3 model=%4 service=%5</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>stopped</source>
        <translation>arrêté</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>tls certificate %1 (SANs: %2)</source>
        <translation>tls certificat %1 (SAN : %2)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>tls sha256 %1</source>
        <translation>tls sha256 %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>tls file %1 (self-signed for localhost, kept in %2; a client trusts it with --cacert %1)</source>
        <translation>tls fichier %1 (auto-signé pour localhost, conservé dans %2 ; un client lui fait confiance avec --cacert %1)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>tls file %1</source>
        <translation>tls fichier %1</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>opened #%1 %2 on %3</source>
        <translation>ouverte #%1 %2 sur %3</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>closed #%1 %2 in=%3 out=%4%5</source>
        <translation>fermée #%1 %2 in=%3 out=%4%5</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>tls #%1 %2</source>
        <translation>tls #%1 %2</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>log: %1</source>
        <translation>journal : %1</translation>
    </message>
</context>
<context>
    <name>sockwb::app::trace</name>
    <message>
        <location filename="../../app/cli/tracecommand.cpp" line="+34"/>
        <source>Usage: sockwb trace [--json] [--cwd DIR] [--] PROGRAM [ARGS...]
Runs PROGRAM (your own client or server) with the workbench&apos;s tracer preloaded
(libsockwb-trace.so) and prints each socket call it makes as it happens, in the
style of strace, on stderr: errno names, and what a failure means. The program
keeps its own output and its exit status; Ctrl-C stops it. Forked children and
threads are followed ([pid N tid M]).

  --json         JSON lines on stdout: each call, the program&apos;s output (stdout and
                 stderr events), its start and its exit
  --cwd DIR      run the program in DIR
  -h, --help     show this help
Traced: socket, bind, listen, accept, connect, send, recv, sendto, recvfrom,
sendmsg, recvmsg, read and write on sockets, shutdown, close, setsockopt,
getsockopt, getsockname, getpeername, select, poll, epoll, fork, pthread_create,
sleep, usleep, nanosleep. Not traced: statically linked programs and setuid
programs (refused: the dynamic loader does not preload into them), calls made
with syscall(2), and the reads and writes stdio makes on a socket (fdopen).
Exit status: the program&apos;s (128 + N when killed by signal N), 2 bad usage or a
program that cannot be traced, 1 the tracer could not start.
</source>
        <translation>Utilisation : sockwb trace [--json] [--cwd DIR] [--] PROGRAM [ARGS...]
Lance PROGRAM (votre propre client ou serveur) avec le traceur du workbench préchargé
(libsockwb-trace.so) et affiche chaque appel socket qu&apos;il fait au moment où il a lieu, à la
manière de strace, sur stderr : noms errno, et ce que signifie un échec. Le programme
garde sa propre sortie et son code de sortie ; Ctrl-C l&apos;arrête. Les fils créés par fork et
les threads sont suivis ([pid N tid M]).

  --json         lignes JSON sur stdout : chaque appel, la sortie du programme (événements
                 stdout et stderr), son démarrage et sa fin
  --cwd DIR      lancer le programme dans DIR
  -h, --help     afficher cette aide
Tracés : socket, bind, listen, accept, connect, send, recv, sendto, recvfrom,
sendmsg, recvmsg, read et write sur des sockets, shutdown, close, setsockopt,
getsockopt, getsockname, getpeername, select, poll, epoll, fork, pthread_create,
sleep, usleep, nanosleep. Non tracés : les programmes liés statiquement et les programmes
setuid (refusés : le chargeur dynamique n&apos;y précharge rien), les appels faits
avec syscall(2), et les lectures et écritures que stdio fait sur un socket (fdopen).
Code de sortie : celui du programme (128 + N s&apos;il est tué par le signal N), 2 mauvaise
utilisation ou programme impossible à tracer, 1 le traceur n&apos;a pas pu démarrer.
</translation>
    </message>
    <message>
        <location line="+49"/>
        <source>which program? give it after the options</source>
        <translation>quel programme ? donnez-le après les options</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>--cwd &apos;%1&apos; is not a folder that can be entered</source>
        <translation>--cwd « %1 » n&apos;est pas un dossier accessible</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>%1 was not found; looked in:%2</source>
        <translation>%1 est introuvable ; cherché dans :%2</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>a process it started still runs: its calls from now on are not shown</source>
        <translation>un processus qu&apos;il a lancé tourne encore : ses appels ne sont plus affichés à partir de maintenant</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>no call was reported: was the program traced? (see sockwb trace --help)</source>
        <translation>aucun appel n&apos;a été signalé : le programme a-t-il été tracé ? (voir sockwb trace --help)</translation>
    </message>
</context>
</TS>
