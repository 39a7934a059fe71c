<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr" sourcelanguage="en">
<context>
    <name>AboutDialog</name>
    <message>
        <source>About HookScope</source>
        <translation>À propos de HookScope</translation>
    </message>
    <message>
        <source>A local inspector for webhooks from the Hoox video API: it receives deliveries on your machine, checks them against the Hoox contract and keeps every one in a journal.</source>
        <translation>Un inspecteur local des webhooks de l&apos;API vidéo Hoox&#xa0;: il reçoit les livraisons sur votre machine, les vérifie au regard du contrat Hoox et les conserve toutes dans un journal.</translation>
    </message>
    <message>
        <source>Copyright © 2026 The HookScope authors. Released under the MIT License.</source>
        <translation>Copyright © 2026 Les auteurs de HookScope. Publié sous licence MIT.</translation>
    </message>
    <message>
        <source>Version %1</source>
        <translation>Version %1</translation>
    </message>
</context>
<context>
    <name>ActivityStrip</name>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <source>%1 h</source>
        <translation>%1 h</translation>
    </message>
    <message>
        <source>Activity</source>
        <translation>Activité</translation>
    </message>
    <message>
        <source>Deliveries over time by answer class. Drag to show a time range; Esc clears it.</source>
        <translation>Livraisons au fil du temps, par classe de réponse. Faites glisser pour afficher une plage horaire&#xa0;; Échap l&apos;efface.</translation>
    </message>
    <message>
        <source>%1 – %2 · Esc clears</source>
        <translation>%1 – %2 · Échap pour effacer</translation>
    </message>
    <message>
        <source>start</source>
        <translation>début</translation>
    </message>
    <message>
        <source>end</source>
        <translation>fin</translation>
    </message>
    <message>
        <source>per %1 · drag to pick a range</source>
        <translation>par %1 · faites glisser pour choisir une plage</translation>
    </message>
    <message>
        <source>Deliveries by HookScope&apos;s answer: 2xx, 4xx, 5xx, and none or refused. Drag to show only a time range; click or Esc clears it.</source>
        <translation>Livraisons selon la réponse de HookScope&#xa0;: 2xx, 4xx, 5xx, et aucune ou refusée. Faites glisser pour n&apos;afficher qu&apos;une plage horaire&#xa0;; un clic ou Échap l&apos;efface.</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1&#xa0;: %2</translation>
    </message>
    <message numerus="yes">
        <source>%1 – %2: %n deliveries</source>
        <translation>
            <numerusform>%1 – %2&#xa0;: %n livraison</numerusform>
            <numerusform>%1 – %2&#xa0;: %n livraisons</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AnnotationMarks</name>
    <message>
        <source>Bookmarked (Ctrl+B)</source>
        <translation>Favori (Ctrl+B)</translation>
    </message>
    <message>
        <source>Note: %1</source>
        <translation>Note&#xa0;: %1</translation>
    </message>
</context>
<context>
    <name>AnswerClass</name>
    <message>
        <source>2xx</source>
        <translation>2xx</translation>
    </message>
    <message>
        <source>4xx</source>
        <translation>4xx</translation>
    </message>
    <message>
        <source>5xx</source>
        <translation>5xx</translation>
    </message>
    <message>
        <source>none/refused</source>
        <translation>aucune/refusée</translation>
    </message>
</context>
<context>
    <name>AnswerLabel</name>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>%1 · ngrok</source>
        <translation>%1 · ngrok</translation>
    </message>
    <message>
        <source>%1 · late</source>
        <translation>%1 · en retard</translation>
    </message>
    <message>
        <source>HookScope read it from the ngrok agent&apos;s request list (%1).</source>
        <translation>HookScope l&apos;a lue dans la liste des requêtes de l&apos;agent ngrok (%1).</translation>
    </message>
    <message>
        <source>Not answered: HookScope stopped while the answer was being decided, or the imported file had no answer.</source>
        <translation>Sans réponse&#xa0;: HookScope s&apos;est arrêté pendant que la réponse était décidée, ou le fichier importé n&apos;avait pas de réponse.</translation>
    </message>
</context>
<context>
    <name>AttemptLabel</name>
    <message>
        <source> (%1 deliveries, none answered 2xx within 10 s): fetch the job&apos;s status instead.</source>
        <translation> (%1 livraisons, aucune n&apos;a reçu de 2xx sous 10 s)&#xa0;: interrogez plutôt le statut de la tâche.</translation>
    </message>
    <message>
        <source>Same key as #%1 but a different status or result: the sender contradicts itself.</source>
        <translation>Même clé que #%1 mais un statut ou un résultat différent&#xa0;: l&apos;expéditeur se contredit.</translation>
    </message>
    <message>
        <source>Delivery %1 of the %2 this key has had so far. Only %3 of them are loaded: retention left the earlier ones out, the first (#%4) among them.</source>
        <translation>Livraison %1 sur les %2 que cette clé a reçues jusqu&apos;ici. Seules %3 sont chargées&#xa0;: la rétention a écarté les plus anciennes, dont la première (#%4).</translation>
    </message>
    <message>
        <source>Delivery %1 of the %2 this key has had so far; the first is #%3.</source>
        <translation>Livraison %1 sur les %2 que cette clé a reçues jusqu&apos;ici&#xa0;; la première est #%3.</translation>
    </message>
    <message>
        <source>refused</source>
        <translation>refusée</translation>
    </message>
    <message>
        <source>%1/%2</source>
        <translation>%1/%2</translation>
    </message>
    <message>
        <source> +%1s</source>
        <translation> +%1s</translation>
    </message>
    <message>
        <source>Refused: the request carried no access token, so it was not counted.</source>
        <translation>Refusée&#xa0;: la requête ne portait pas de jeton d&apos;accès, elle n&apos;a donc pas été comptée.</translation>
    </message>
    <message>
        <source>Came %1 s after attempt %2: %3.</source>
        <translation>Arrivée %1 s après la tentative %2&#xa0;: %3.</translation>
    </message>
</context>
<context>
    <name>AttemptStatusLabel</name>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation>Envoi…</translation>
    </message>
    <message>
        <source>No answer</source>
        <translation>Pas de réponse</translation>
    </message>
    <message>
        <source>timed out after %1</source>
        <translation>délai dépassé après %1</translation>
    </message>
    <message>
        <source>no answer</source>
        <translation>pas de réponse</translation>
    </message>
    <message>
        <source>HTTP %1</source>
        <translation>HTTP %1</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
</context>
<context>
    <name>AttemptText</name>
    <message>
        <source>(no body)</source>
        <translation>(pas de corps)</translation>
    </message>
    <message>
        <source>Answer: still waiting</source>
        <translation>Réponse&#xa0;: toujours en attente</translation>
    </message>
    <message>
        <source>Answer: none, %1 after %2</source>
        <translation>Réponse&#xa0;: aucune, %1 après %2</translation>
    </message>
    <message>
        <source>Answer: %1 in %2, %3</source>
        <translation>Réponse&#xa0;: %1 en %2, %3</translation>
    </message>
    <message>
        <source>Answer: %1 in %2</source>
        <translation>Réponse&#xa0;: %1 en %2</translation>
    </message>
    <message>
        <source>[cut at %1 KiB]</source>
        <translation>[coupé à %1 Kio]</translation>
    </message>
</context>
<context>
    <name>CaptureAnnotator</name>
    <message>
        <source>Undo delete</source>
        <translation>Annuler la suppression</translation>
    </message>
    <message>
        <source>&amp;Bookmark</source>
        <translation>Mettre en &amp;favori</translation>
    </message>
    <message>
        <source>Ctrl+B</source>
        <translation>Ctrl+B</translation>
    </message>
    <message>
        <source>Edit &amp;note…</source>
        <translation>Modifier la &amp;note…</translation>
    </message>
    <message>
        <source>Ctrl+Shift+N</source>
        <translation>Ctrl+Shift+N</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Supprimer</translation>
    </message>
    <message>
        <source>&amp;Undo delete</source>
        <translation>Ann&amp;uler la suppression</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Note on capture #%1 (empty removes it):</source>
        <translation>Note de la capture #%1 (vide la retire)&#xa0;:</translation>
    </message>
    <message numerus="yes">
        <source>Note on the %n selected captures (empty removes it):</source>
        <translation>
            <numerusform>Note de la capture sélectionnée (%n) (vide la retire)&#xa0;:</numerusform>
            <numerusform>Note des %n captures sélectionnées (vide la retire)&#xa0;:</numerusform>
        </translation>
    </message>
    <message>
        <source>The note was not saved: it is longer than %1 KiB.</source>
        <translation>La note n&apos;a pas été enregistrée&#xa0;: elle dépasse %1 Kio.</translation>
    </message>
    <message numerus="yes">
        <source>Deleted %n capture(s): hidden from the view and from export, kept in the journal. Ctrl+Z brings them back.</source>
        <translation>
            <numerusform>%n capture supprimée&#xa0;: masquée de la vue et de l&apos;export, conservée dans le journal. Ctrl+Z la rétablit.</numerusform>
            <numerusform>%n captures supprimées&#xa0;: masquées de la vue et de l&apos;export, conservées dans le journal. Ctrl+Z les rétablit.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Restored %n capture(s).</source>
        <translation>
            <numerusform>%n capture rétablie.</numerusform>
            <numerusform>%n captures rétablies.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CaptureDiff</name>
    <message>
        <source>empty</source>
        <translation>vide</translation>
    </message>
</context>
<context>
    <name>CaptureDiffText</name>
    <message>
        <source>header %1</source>
        <translation>en-tête %1</translation>
    </message>
    <message>
        <source>body line %1</source>
        <translation>ligne %1 du corps</translation>
    </message>
    <message>
        <source>body</source>
        <translation>corps</translation>
    </message>
    <message>
        <source>key given more than once, the same way in both</source>
        <translation>clé donnée plusieurs fois, de la même façon des deux côtés</translation>
    </message>
    <message>
        <source>given more than once</source>
        <translation>donnée plusieurs fois</translation>
    </message>
    <message>
        <source>the same number, written differently</source>
        <translation>le même nombre, écrit autrement</translation>
    </message>
    <message>
        <source>follows the body</source>
        <translation>suit le corps</translation>
    </message>
    <message>
        <source>changes with every delivery</source>
        <translation>change à chaque livraison</translation>
    </message>
    <message>
        <source>ignored</source>
        <translation>ignoré</translation>
    </message>
</context>
<context>
    <name>CaptureFormat</name>
    <message>
        <source>not answered</source>
        <translation>sans réponse</translation>
    </message>
    <message>
        <source>recovered from ngrok: the sender got no answer; HookScope was not running</source>
        <translation>récupérée depuis ngrok&#xa0;: l&apos;expéditeur n&apos;a reçu aucune réponse&#xa0;; HookScope ne tournait pas</translation>
    </message>
    <message>
        <source>recovered from ngrok: ngrok answered %1: HookScope was not running</source>
        <translation>récupérée depuis ngrok&#xa0;: ngrok a répondu %1&#xa0;; HookScope ne tournait pas</translation>
    </message>
    <message>
        <source>Hoox gave up: this job&apos;s webhook will not come again</source>
        <translation>Hoox a abandonné&#xa0;: le webhook de cette tâche ne reviendra pas</translation>
    </message>
    <message>
        <source>answered %1 after %2 s; Hoox had already timed out</source>
        <translation>a répondu %1 après %2 s&#xa0;; le délai de Hoox était déjà dépassé</translation>
    </message>
    <message>
        <source>answered %1 after %2 s; Hoox had already timed out and retries</source>
        <translation>a répondu %1 après %2 s&#xa0;; le délai de Hoox était déjà dépassé et il réessaie</translation>
    </message>
</context>
<context>
    <name>CaptureStore</name>
    <message>
        <source>Cannot read capture #%1 from the journal %2: %3.</source>
        <translation>Impossible de lire la capture #%1 dans le journal %2&#xa0;: %3.</translation>
    </message>
    <message>
        <source>The journal %1 no longer holds capture #%2 where it was.</source>
        <translation>Le journal %1 ne contient plus la capture #%2 à sa place.</translation>
    </message>
</context>
<context>
    <name>CaptureTableModel</name>
    <message>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Heure</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>Méthode</translation>
    </message>
    <message>
        <source>Path</source>
        <translation>Chemin</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>Tâche</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Clé</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <source>Attempt</source>
        <translation>Tentative</translation>
    </message>
    <message>
        <source>Findings</source>
        <translation>Constats</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Taille</translation>
    </message>
    <message>
        <source>Answer</source>
        <translation>Réponse</translation>
    </message>
    <message>
        <source>Forwarded</source>
        <translation>Transfert</translation>
    </message>
    <message>
        <source>(not JSON)</source>
        <translation>(pas du JSON)</translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation>(vide)</translation>
    </message>
    <message>
        <source>(no task)</source>
        <translation>(sans task)</translation>
    </message>
</context>
<context>
    <name>CheckDialog</name>
    <message>
        <source>Check endpoint</source>
        <translation>Vérifier un point de terminaison</translation>
    </message>
    <message>
        <source>Delivers what Hoox can send to your endpoint, exactly as Hoox does, and grades each answer: every template, duplicates, out-of-order results, an unknown task, malformed bodies, latency and concurrency.</source>
        <translation>Envoie à votre point de terminaison ce que Hoox peut envoyer, exactement comme Hoox, et note chaque réponse&#xa0;: chaque modèle, les doublons, les résultats dans le désordre, une tâche inconnue, les corps malformés, la latence et la concurrence.</translation>
    </message>
    <message>
        <source>&amp;Endpoint:</source>
        <translation>&amp;Point de terminaison&#xa0;:</translation>
    </message>
    <message>
        <source>http://localhost:3000/webhook/hoox</source>
        <translation>http://localhost:3000/webhook/hoox</translation>
    </message>
    <message>
        <source>Your endpoint, an http:// or https:// URL.</source>
        <translation>Votre point de terminaison, une URL http:// ou https://.</translation>
    </message>
    <message>
        <source>Also expect the &amp;sender check (401/403)</source>
        <translation>Attendre aussi la vérification de l&apos;&amp;expéditeur (401/403)</translation>
    </message>
    <message>
        <source>Also expect 401 or 403 to a delivery without X-Hoox-Webhook and to one with a foreign User-Agent.</source>
        <translation>Attendre aussi 401 ou 403 pour une livraison sans X-Hoox-Webhook et pour une autre avec un User-Agent étranger.</translation>
    </message>
    <message>
        <source>&amp;Run</source>
        <translation>&amp;Lancer</translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation>&amp;Annuler</translation>
    </message>
    <message>
        <source>%v of %m</source>
        <translation>%v sur %m</translation>
    </message>
    <message>
        <source>Verdict</source>
        <translation>Verdict</translation>
    </message>
    <message>
        <source>Scenario</source>
        <translation>Scénario</translation>
    </message>
    <message>
        <source>Answer</source>
        <translation>Réponse</translation>
    </message>
    <message>
        <source>Latency</source>
        <translation>Latence</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Raison</translation>
    </message>
    <message>
        <source>Select a scenario to see each request it made and what your endpoint answered.</source>
        <translation>Sélectionnez un scénario pour voir chaque requête qu&apos;il a faite et ce que votre point de terminaison a répondu.</translation>
    </message>
    <message>
        <source>Export &amp;JUnit…</source>
        <translation>Exporter en &amp;JUnit…</translation>
    </message>
    <message>
        <source>Save the scorecard as JUnit XML, as CI systems read it.</source>
        <translation>Enregistrer le bilan en XML JUnit, tel que les systèmes de CI le lisent.</translation>
    </message>
    <message>
        <source>Pass</source>
        <translation>Réussi</translation>
    </message>
    <message>
        <source>Warn</source>
        <translation>Avertissement</translation>
    </message>
    <message>
        <source>Fail</source>
        <translation>Échec</translation>
    </message>
    <message>
        <source>Expected: %1</source>
        <translation>Attendu&#xa0;: %1</translation>
    </message>
    <message>
        <source>Got: %1</source>
        <translation>Obtenu&#xa0;: %1</translation>
    </message>
    <message>
        <source>── Request %1 of %2: %3 ──</source>
        <translation>── Requête %1 sur %2&#xa0;: %3 ──</translation>
    </message>
    <message>
        <source>The endpoint needs an http:// or https:// URL such as http://localhost:3000/webhook/hoox, not &quot;%1&quot;.</source>
        <translation>Le point de terminaison doit être une URL http:// ou https:// comme http://localhost:3000/webhook/hoox, pas «&#xa0;%1&#xa0;».</translation>
    </message>
    <message>
        <source>Checking %1…</source>
        <translation>Vérification de %1…</translation>
    </message>
    <message>
        <source> (cancelled after %1 of %2 scenarios)</source>
        <translation> (annulée après %1 scénarios sur %2)</translation>
    </message>
    <message>
        <source>Nothing to export: run the check first.</source>
        <translation>Rien à exporter&#xa0;: lancez d&apos;abord la vérification.</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>Impossible d&apos;écrire %1&#xa0;: %2</translation>
    </message>
    <message>
        <source>Export JUnit</source>
        <translation>Exporter en JUnit</translation>
    </message>
    <message>
        <source>JUnit XML (*.xml);;All files (*)</source>
        <translation>XML JUnit (*.xml);;Tous les fichiers (*)</translation>
    </message>
</context>
<context>
    <name>CheckReport</name>
    <message>
        <source> in %1</source>
        <translation> en %1</translation>
    </message>
    <message>
        <source>%1 passed, %2 warned, %3 failed: %4</source>
        <translation>%1 réussis, %2 avertissements, %3 échecs&#xa0;: %4</translation>
    </message>
    <message>
        <source>Expected: %1
Got: %2
%3</source>
        <translation>Attendu&#xa0;: %1
Obtenu&#xa0;: %2
%3</translation>
    </message>
    <message>
        <source>warning: %1</source>
        <translation>avertissement&#xa0;: %1</translation>
    </message>
</context>
<context>
    <name>CopyFeedback</name>
    <message>
        <source>Copied ✓</source>
        <translation>Copié ✓</translation>
    </message>
</context>
<context>
    <name>Deliverer</name>
    <message>
        <source>cancelled</source>
        <translation>annulée</translation>
    </message>
</context>
<context>
    <name>DeliveryArguments</name>
    <message>
        <source>--to URL is needed: your app, e.g. http://localhost:3000/webhook/hoox.</source>
        <translation>--to URL est nécessaire&#xa0;: votre application, par ex. http://localhost:3000/webhook/hoox.</translation>
    </message>
    <message>
        <source>--to needs an http:// or https:// URL such as http://localhost:3000/webhook/hoox, not &quot;%1&quot;.</source>
        <translation>--to attend une URL http:// ou https:// comme http://localhost:3000/webhook/hoox, pas «&#xa0;%1&#xa0;».</translation>
    </message>
    <message>
        <source>--timeout needs milliseconds from 1 to 600000, not &quot;%1&quot;.</source>
        <translation>--timeout attend un nombre de millisecondes de 1 à 600000, pas «&#xa0;%1&#xa0;».</translation>
    </message>
    <message>
        <source>--schedule needs 1 to 3 delays in milliseconds such as 1000,2000,4000, not &quot;%1&quot;.</source>
        <translation>--schedule attend 1 à 3 délais en millisecondes comme 1000,2000,4000, pas «&#xa0;%1&#xa0;».</translation>
    </message>
</context>
<context>
    <name>DeliveryRequest</name>
    <message>
        <source>TLS failure</source>
        <translation>échec TLS</translation>
    </message>
    <message>
        <source>connection refused</source>
        <translation>connexion refusée</translation>
    </message>
    <message>
        <source>name not resolved</source>
        <translation>nom non résolu</translation>
    </message>
    <message>
        <source>connection closed before an answer</source>
        <translation>connexion fermée avant la réponse</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>annulée</translation>
    </message>
    <message>
        <source>timeout after %1 s</source>
        <translation>délai dépassé après %1 s</translation>
    </message>
    <message>
        <source>timeout after %1 ms</source>
        <translation>délai dépassé après %1 ms</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>%1 in %2</source>
        <translation>%1 en %2</translation>
    </message>
    <message>
        <source>redirect not followed (%1 to %2)</source>
        <translation>redirection non suivie (%1 vers %2)</translation>
    </message>
    <message>
        <source>connection closed mid-answer (after &quot;%1&quot;, before the end of the body)</source>
        <translation>connexion fermée en pleine réponse (après «&#xa0;%1&#xa0;», avant la fin du corps)</translation>
    </message>
</context>
<context>
    <name>DiffActions</name>
    <message>
        <source>#%1 is a later attempt of #%2</source>
        <translation>#%1 est une tentative ultérieure de #%2</translation>
    </message>
</context>
<context>
    <name>DiffIgnoreList</name>
    <message>
        <source>&quot;%1&quot; is neither a JSON Pointer such as /result/created_at (globs allowed: /result/*_at) nor a header such as header:x-request-id.</source>
        <translation>«&#xa0;%1&#xa0;» n&apos;est ni un JSON Pointer comme /result/created_at (motifs permis&#xa0;: /result/*_at) ni un en-tête comme header:x-request-id.</translation>
    </message>
</context>
<context>
    <name>DiffModel</name>
    <message>
        <source>Before: %1</source>
        <translation>Avant&#xa0;: %1</translation>
    </message>
    <message>
        <source>After: %1</source>
        <translation>Après&#xa0;: %1</translation>
    </message>
    <message>
        <source>Path</source>
        <translation>Chemin</translation>
    </message>
    <message>
        <source>Before</source>
        <translation>Avant</translation>
    </message>
    <message>
        <source>After</source>
        <translation>Après</translation>
    </message>
</context>
<context>
    <name>DiffView</name>
    <message>
        <source>Date, X-Request-Id, trace ids, timestamps and signatures are new on every delivery, and Content-Length follows the body: shown, but not counted as a difference.</source>
        <translation>Date, X-Request-Id, les identifiants de trace, les horodatages et les signatures sont nouveaux à chaque livraison, et Content-Length suit le corps&#xa0;: affichés, mais pas comptés comme différences.</translation>
    </message>
    <message>
        <source>&amp;Ignore this path</source>
        <translation>&amp;Ignorer ce chemin</translation>
    </message>
    <message>
        <source>Del</source>
        <translation>Del</translation>
    </message>
    <message>
        <source>&amp;Stop ignoring this path</source>
        <translation>&amp;Ne plus ignorer ce chemin</translation>
    </message>
    <message>
        <source>Select two captures to compare them, or one that has an earlier attempt.</source>
        <translation>Sélectionnez deux captures pour les comparer, ou une qui a une tentative antérieure.</translation>
    </message>
    <message>
        <source>Select two captures to compare them, not more.</source>
        <translation>Sélectionnez deux captures pour les comparer, pas davantage.</translation>
    </message>
    <message>
        <source>#%1 conflicts with #%2: same key, another outcome</source>
        <translation>#%1 contredit #%2&#xa0;: même clé, autre issue</translation>
    </message>
    <message>
        <source>#%1 is a later attempt of #%2</source>
        <translation>#%1 est une tentative ultérieure de #%2</translation>
    </message>
    <message>
        <source>#%1 and #%2 are compared when this tab is shown.</source>
        <translation>#%1 et #%2 sont comparées quand cet onglet s&apos;affiche.</translation>
    </message>
    <message>
        <source>#%1 is no longer loaded.</source>
        <translation>#%1 n&apos;est plus chargée.</translation>
    </message>
    <message>
        <source>Comparing #%1 and #%2…</source>
        <translation>Comparaison de #%1 et #%2…</translation>
    </message>
    <message>
        <source>Cannot compare #%1 and #%2.</source>
        <translation>Impossible de comparer #%1 et #%2.</translation>
    </message>
    <message>
        <source>Comparing #%1 and #%2</source>
        <translation>Comparaison de #%1 et #%2</translation>
    </message>
    <message>
        <source>#%1 (before) → #%2 (after)</source>
        <translation>#%1 (avant) → #%2 (après)</translation>
    </message>
    <message>
        <source>No differences</source>
        <translation>Aucune différence</translation>
    </message>
    <message numerus="yes">
        <source>%n difference(s)</source>
        <translation>
            <numerusform>%n différence</numerusform>
            <numerusform>%n différences</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n ignored</source>
        <translation>
            <numerusform>%n ignorée</numerusform>
            <numerusform>%n ignorées</numerusform>
        </translation>
    </message>
    <message>
        <source>JSON</source>
        <translation>JSON</translation>
    </message>
    <message>
        <source>not JSON (%1)</source>
        <translation>pas du JSON (%1)</translation>
    </message>
    <message>
        <source>bodies compared as text: before %1, after %2</source>
        <translation>corps comparés comme texte&#xa0;: avant %1, après %2</translation>
    </message>
    <message>
        <source>Show ignored</source>
        <translation>Afficher les ignorés</translation>
    </message>
    <message>
        <source>Reset ignored paths</source>
        <translation>Oublier les chemins ignorés</translation>
    </message>
    <message>
        <source>Ignore headers that change with every delivery</source>
        <translation>Ignorer les en-têtes qui changent à chaque livraison</translation>
    </message>
</context>
<context>
    <name>EmptyState</name>
    <message>
        <source>Copy</source>
        <translation>Copier</translation>
    </message>
    <message>
        <source>Send a sa&amp;mple delivery</source>
        <translation>Envoyer un e&amp;xemple de livraison</translation>
    </message>
    <message>
        <source>Which Hoox payload the sample carries</source>
        <translation>La charge Hoox que porte l&apos;exemple</translation>
    </message>
    <message>
        <source>No deliveries yet</source>
        <translation>Aucune livraison pour l&apos;instant</translation>
    </message>
    <message>
        <source>1. Expose HookScope to the internet, in a terminal:</source>
        <translation>1. Exposez HookScope à Internet, dans un terminal&#xa0;:</translation>
    </message>
    <message>
        <source>2. Paste this as webhook_url in your Hoox request:</source>
        <translation>2. Collez ceci comme webhook_url dans votre requête Hoox&#xa0;:</translation>
    </message>
    <message>
        <source>Or see what a delivery looks like now: HookScope posts a sample to itself, exactly as Hoox would.</source>
        <translation>Ou voyez dès maintenant à quoi ressemble une livraison&#xa0;: HookScope s&apos;envoie un exemple, exactement comme Hoox le ferait.</translation>
    </message>
    <message>
        <source>(start listening first)</source>
        <translation>(commencez d&apos;abord à écouter)</translation>
    </message>
    <message>
        <source>POST the sample to http://127.0.0.1:%1/webhook/hoox with Hoox&apos;s headers</source>
        <translation>Envoie l&apos;exemple en POST à http://127.0.0.1:%1/webhook/hoox avec les en-têtes de Hoox</translation>
    </message>
    <message>
        <source>Start listening first</source>
        <translation>Commencez d&apos;abord à écouter</translation>
    </message>
    <message>
        <source>waiting for ngrok… (%1)</source>
        <translation>en attente de ngrok… (%1)</translation>
    </message>
    <message>
        <source>checked every few seconds</source>
        <translation>vérifié toutes les quelques secondes</translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation>Envoi…</translation>
    </message>
    <message>
        <source>The sample was not delivered: %1</source>
        <translation>L&apos;exemple n&apos;a pas été livré&#xa0;: %1</translation>
    </message>
</context>
<context>
    <name>EndpointCheck</name>
    <message>
        <source>%1 and %2</source>
        <translation>%1 et %2</translation>
    </message>
    <message>
        <source>Hoox retries after %1, then gives up</source>
        <translation>Hoox réessaie après %1, puis abandonne</translation>
    </message>
    <message>
        <source>no answer within %1: Hoox counts that as a failure and retries after %2, then gives up; each retry is the same delivery again, processed again if your handler got that far</source>
        <translation>pas de réponse sous %1&#xa0;: Hoox le compte comme un échec et réessaie après %2, puis abandonne&#xa0;; chaque nouvelle tentative est la même livraison, traitée à nouveau si votre gestionnaire était allé jusque-là</translation>
    </message>
    <message>
        <source>not delivered (%1): %2, and the result never reaches your app</source>
        <translation>non livrée (%1)&#xa0;: %2, et le résultat n&apos;atteint jamais votre application</translation>
    </message>
    <message>
        <source>%1: Hoox does not follow redirects; %2. Give the final URL as webhook_url</source>
        <translation>%1&#xa0;: Hoox ne suit pas les redirections&#xa0;; %2. Donnez l&apos;URL finale comme webhook_url</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1&#xa0;: %2</translation>
    </message>
    <message>
        <source>answered %1: %2, and this result would be lost to your app</source>
        <translation>a répondu %1&#xa0;: %2, et ce résultat serait perdu pour votre application</translation>
    </message>
    <message>
        <source>answered %1: your handler fails on this body instead of refusing it (a crash is a bug to fix); %2, failing each time</source>
        <translation>a répondu %1&#xa0;: votre gestionnaire échoue sur ce corps au lieu de le refuser (un plantage est un bogue à corriger)&#xa0;; %2, en échouant à chaque fois</translation>
    </message>
    <message>
        <source>2xx within %1</source>
        <translation>2xx sous %1</translation>
    </message>
    <message>
        <source>delivery</source>
        <translation>livraison</translation>
    </message>
    <message>
        <source>2xx to the same delivery twice, and to its retry 1 s later</source>
        <translation>2xx à la même livraison deux fois, et à sa nouvelle tentative 1 s plus tard</translation>
    </message>
    <message>
        <source>first</source>
        <translation>première</translation>
    </message>
    <message>
        <source>duplicate</source>
        <translation>doublon</translation>
    </message>
    <message>
        <source>retry 1 s later</source>
        <translation>nouvelle tentative 1 s plus tard</translation>
    </message>
    <message>
        <source>The Hoox page asks receivers to answer 200 to a delivery they already have, so that Hoox stops sending it.</source>
        <translation>La page Hoox demande aux récepteurs de répondre 200 à une livraison qu&apos;ils ont déjà, pour que Hoox cesse de l&apos;envoyer.</translation>
    </message>
    <message>
        <source>2xx to a failed result for a job after its completed one</source>
        <translation>2xx à un résultat failed pour une tâche après son résultat completed</translation>
    </message>
    <message>
        <source>completed</source>
        <translation>completed</translation>
    </message>
    <message>
        <source>failed, same job</source>
        <translation>failed, même tâche</translation>
    </message>
    <message>
        <source>Deliveries can arrive in any order; a handler must not fail on a state it did not expect.</source>
        <translation>Les livraisons peuvent arriver dans n&apos;importe quel ordre&#xa0;; un gestionnaire ne doit pas échouer sur un état inattendu.</translation>
    </message>
    <message>
        <source>2xx to a completed result for a job after its failed one</source>
        <translation>2xx à un résultat completed pour une tâche après son résultat failed</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>failed</translation>
    </message>
    <message>
        <source>completed, same job</source>
        <translation>completed, même tâche</translation>
    </message>
    <message>
        <source>2xx to a task the Hoox page does not list</source>
        <translation>2xx à une tâche que la page Hoox ne liste pas</translation>
    </message>
    <message>
        <source>video_translate</source>
        <translation>video_translate</translation>
    </message>
    <message>
        <source>Hoox may add tasks; the page&apos;s own receiver warns and answers 200.</source>
        <translation>Hoox peut ajouter des tâches&#xa0;; le récepteur de la page elle-même avertit et répond 200.</translation>
    </message>
    <message>
        <source>no 5xx and no timeout (2xx or 4xx)</source>
        <translation>ni 5xx ni délai dépassé (2xx ou 4xx)</translation>
    </message>
    <message>
        <source>not JSON</source>
        <translation>pas du JSON</translation>
    </message>
    <message>
        <source>JSON sent as text/plain</source>
        <translation>JSON envoyé en text/plain</translation>
    </message>
    <message>
        <source>no job_id</source>
        <translation>pas de job_id</translation>
    </message>
    <message>
        <source>no look_id</source>
        <translation>pas de look_id</translation>
    </message>
    <message>
        <source>empty body</source>
        <translation>corps vide</translation>
    </message>
    <message>
        <source>delivery %1</source>
        <translation>livraison %1</translation>
    </message>
    <message>
        <source>%1 deliveries in a row, each within %2 (%3 at most)</source>
        <translation>%1 livraisons à la suite, chacune sous %2 (%3 au plus)</translation>
    </message>
    <message>
        <source>p50 %1, p99 %2</source>
        <translation>p50 %1, p99 %2</translation>
    </message>
    <message>
        <source>the slowest answer took %1: within Hoox&apos;s %2 s, but little margin for a slow database or a cold start</source>
        <translation>la réponse la plus lente a pris %1&#xa0;: dans les %2 s de Hoox, mais avec peu de marge pour une base de données lente ou un démarrage à froid</translation>
    </message>
    <message>
        <source>%1 deliveries at once, all 2xx</source>
        <translation>%1 livraisons simultanées, toutes en 2xx</translation>
    </message>
    <message>
        <source>Hoox delivers results of parallel jobs in parallel.</source>
        <translation>Hoox livre en parallèle les résultats des tâches parallèles.</translation>
    </message>
    <message>
        <source>answered %1: your app takes deliveries that do not look like Hoox&apos;s, so anyone who finds the URL can post results to it</source>
        <translation>a répondu %1&#xa0;: votre application accepte des livraisons qui ne ressemblent pas à celles de Hoox, donc quiconque trouve l&apos;URL peut y poster des résultats</translation>
    </message>
    <message>
        <source>answered %1; 401 or 403 says what happened</source>
        <translation>a répondu %1&#xa0;; 401 ou 403 dit ce qui s&apos;est passé</translation>
    </message>
    <message>
        <source>no X-Hoox-Webhook</source>
        <translation>pas de X-Hoox-Webhook</translation>
    </message>
    <message>
        <source>401 or 403</source>
        <translation>401 ou 403</translation>
    </message>
    <message>
        <source>User-Agent: curl/8.0</source>
        <translation>User-Agent: curl/8.0</translation>
    </message>
    <message>
        <source>--only: no scenario or group &quot;%1&quot;; groups: %2, or a scenario&apos;s full name such as deliveries/video_generate.completed.</source>
        <translation>--only&#xa0;: aucun scénario ni groupe «&#xa0;%1&#xa0;»&#xa0;; groupes&#xa0;: %2, ou le nom complet d&apos;un scénario comme deliveries/video_generate.completed.</translation>
    </message>
    <message>
        <source>timeout</source>
        <translation>délai dépassé</translation>
    </message>
    <message>
        <source>none</source>
        <translation>aucune</translation>
    </message>
    <message>
        <source>Cannot reach %1: %2. Is your app running, and is that its URL?</source>
        <translation>Impossible de joindre %1&#xa0;: %2. Votre application tourne-t-elle, et est-ce bien son URL&#xa0;?</translation>
    </message>
    <message>
        <source>%1 answers with a redirect (%2): Hoox does not follow redirects. Give the final URL.</source>
        <translation>%1 répond par une redirection (%2)&#xa0;: Hoox ne suit pas les redirections. Donnez l&apos;URL finale.</translation>
    </message>
</context>
<context>
    <name>ExportActions</name>
    <message>
        <source>HAR (*.har)</source>
        <translation>HAR (*.har)</translation>
    </message>
    <message>
        <source>JSON Lines (*.jsonl *.ndjson)</source>
        <translation>JSON Lines (*.jsonl *.ndjson)</translation>
    </message>
    <message>
        <source>Nothing is selected: select captures to export, or use Export all.</source>
        <translation>Rien n&apos;est sélectionné&#xa0;: sélectionnez les captures à exporter, ou choisissez Exporter tout.</translation>
    </message>
</context>
<context>
    <name>FilterBox</name>
    <message>
        <source>Filter: free text, task:avatar_* status:failed answer:5xx, body.result.cost:&gt;3, -duplicate:yes, … (Ctrl+F)</source>
        <translation>Filtre&#xa0;: texte libre, task:avatar_* status:failed answer:5xx, body.result.cost:&gt;3, -duplicate:yes, … (Ctrl+F)</translation>
    </message>
    <message>
        <source>All tasks</source>
        <translation>Toutes les tâches</translation>
    </message>
    <message>
        <source>Other or none</source>
        <translation>Autre ou aucune</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>Tous les statuts</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Autre</translation>
    </message>
    <message>
        <source>
(the last good filter stays in force)</source>
        <translation>
(le dernier filtre valide reste en vigueur)</translation>
    </message>
    <message>
        <source>Save Current Filter…</source>
        <translation>Enregistrer le filtre actuel…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <source>Save Filter</source>
        <translation>Enregistrer le filtre</translation>
    </message>
    <message>
        <source>Name for “%1”:</source>
        <translation>Nom pour «&#xa0;%1&#xa0;»&#xa0;:</translation>
    </message>
</context>
<context>
    <name>ForwardLog</name>
    <message>
        <source>Cannot open %1: %2</source>
        <translation>Impossible d&apos;ouvrir %1&#xa0;: %2</translation>
    </message>
    <message>
        <source>no journal is open for held forwards</source>
        <translation>aucun journal n&apos;est ouvert pour les transferts retenus</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>Impossible d&apos;écrire %1&#xa0;: %2</translation>
    </message>
</context>
<context>
    <name>ForwardRoute</name>
    <message>
        <source>expected CONDITION=URL with an http:// or https:// URL, such as task:avatar_*=http://localhost:3001/avatars</source>
        <translation>CONDITION=URL attendu, avec une URL http:// ou https://, comme task:avatar_*=http://localhost:3001/avatars</translation>
    </message>
    <message>
        <source>the URL &quot;%1&quot; does not parse: %2</source>
        <translation>l&apos;URL «&#xa0;%1&#xa0;» ne s&apos;analyse pas&#xa0;: %2</translation>
    </message>
    <message>
        <source>the URL &quot;%1&quot; has no host; write it like http://localhost:3001/avatars</source>
        <translation>l&apos;URL «&#xa0;%1&#xa0;» n&apos;a pas d&apos;hôte&#xa0;; écrivez-la comme http://localhost:3001/avatars</translation>
    </message>
    <message>
        <source>the condition before &quot;=&quot; is empty; use a filter such as task:avatar_*, or task:* for every capture</source>
        <translation>la condition avant «&#xa0;=&#xa0;» est vide&#xa0;; utilisez un filtre comme task:avatar_*, ou task:* pour toutes les captures</translation>
    </message>
    <message>
        <source>the condition &quot;%1&quot; does not parse at %2</source>
        <translation>la condition «&#xa0;%1&#xa0;» ne s&apos;analyse pas à %2</translation>
    </message>
    <message>
        <source>--route &quot;%1&quot;: %2</source>
        <translation>--route «&#xa0;%1&#xa0;»&#xa0;: %2</translation>
    </message>
    <message>
        <source>--forward-to needs an http:// or https:// URL such as http://localhost:3000/webhook; this one does not parse: %1</source>
        <translation>--forward-to attend une URL http:// ou https:// comme http://localhost:3000/webhook&#xa0;; celle-ci ne s&apos;analyse pas&#xa0;: %1</translation>
    </message>
    <message>
        <source>--forward-to needs an http:// or https:// URL such as http://localhost:3000/webhook, not &quot;%1&quot;</source>
        <translation>--forward-to attend une URL http:// ou https:// comme http://localhost:3000/webhook, pas «&#xa0;%1&#xa0;»</translation>
    </message>
</context>
<context>
    <name>Forwarder</name>
    <message>
        <source>given up: that was its last retry</source>
        <translation>abandonnée&#xa0;: c&apos;était sa dernière tentative</translation>
    </message>
    <message>
        <source>retried after %1 s</source>
        <translation>réessayée après %1 s</translation>
    </message>
    <message>
        <source>not forwarded: no route matches</source>
        <translation>non transférée&#xa0;: aucune route ne correspond</translation>
    </message>
    <message>
        <source>held for %1 until released</source>
        <translation>retenue pour %1 jusqu&apos;à sa libération</translation>
    </message>
    <message>
        <source>dropped while held</source>
        <translation>abandonnée pendant qu&apos;elle était retenue</translation>
    </message>
    <message>
        <source>→ %1: %2</source>
        <translation>→ %1&#xa0;: %2</translation>
    </message>
    <message>
        <source>→ %1: %2 in %3</source>
        <translation>→ %1&#xa0;: %2 en %3</translation>
    </message>
    <message>
        <source>→ %1: your app is not reachable (%2)</source>
        <translation>→ %1&#xa0;: votre application est injoignable (%2)</translation>
    </message>
    <message>
        <source>your app did not answer within %1: Hoox would have timed out at %2 s and %3</source>
        <translation>votre application n&apos;a pas répondu sous %1&#xa0;: le délai de Hoox aurait expiré à %2 s et %3</translation>
    </message>
    <message>
        <source>your app answered %1 in %2: Hoox would have timed out at %3 s and %4</source>
        <translation>votre application a répondu %1 en %2&#xa0;: le délai de Hoox aurait expiré à %3 s et %4</translation>
    </message>
    <message>
        <source>Holding failed, the forward is sent at once: %1</source>
        <translation>La mise en attente a échoué, le transfert part tout de suite&#xa0;: %1</translation>
    </message>
    <message>
        <source>Cannot read the journal %1 for held forwards: %2</source>
        <translation>Impossible de lire le journal %1 pour les transferts retenus&#xa0;: %2</translation>
    </message>
    <message>
        <source>Held forward #%1 is no longer in the journal; it is dropped.</source>
        <translation>Le transfert retenu #%1 n&apos;est plus dans le journal&#xa0;; il est abandonné.</translation>
    </message>
    <message>
        <source>HookScope: your app at %1 has not answered within %2; Hoox would time out at %3 s and retry.</source>
        <translation>HookScope&#xa0;: votre application sur %1 n&apos;a pas répondu sous %2&#xa0;; le délai de Hoox expirerait à %3 s et il réessaierait.</translation>
    </message>
    <message>
        <source>HookScope could not forward to %1: %2</source>
        <translation>HookScope n&apos;a pas pu transférer vers %1&#xa0;: %2</translation>
    </message>
    <message>
        <source>A released forward is not marked as sent; it will be held again at the next start: %1</source>
        <translation>Un transfert libéré n&apos;est pas marqué comme envoyé&#xa0;; il sera de nouveau retenu au prochain démarrage&#xa0;: %1</translation>
    </message>
    <message>
        <source>A dropped forward is not marked as dropped; it will be held again at the next start: %1</source>
        <translation>Un transfert abandonné n&apos;est pas marqué comme abandonné&#xa0;; il sera de nouveau retenu au prochain démarrage&#xa0;: %1</translation>
    </message>
    <message>
        <source>no route</source>
        <translation>aucune route</translation>
    </message>
    <message>
        <source>held</source>
        <translation>retenue</translation>
    </message>
    <message>
        <source>dropped</source>
        <translation>abandonnée</translation>
    </message>
    <message>
        <source>timed out</source>
        <translation>délai dépassé</translation>
    </message>
    <message>
        <source>not reachable</source>
        <translation>injoignable</translation>
    </message>
    <message>
        <source>%1 late</source>
        <translation>%1 en retard</translation>
    </message>
</context>
<context>
    <name>HarReader</name>
    <message>
        <source>request.bodySize is %1 but request.postData.text is missing</source>
        <translation>request.bodySize vaut %1 mais request.postData.text est absent</translation>
    </message>
    <message>
        <source>request.postData has params but no text</source>
        <translation>request.postData a des params mais pas de text</translation>
    </message>
</context>
<context>
    <name>HeldForwardsView</name>
    <message>
        <source>Held</source>
        <translation>Retenus</translation>
    </message>
    <message>
        <source>Nothing held. Turn on Hold forwards to acknowledge Hoox at once and release each delivery to your app when you are ready.</source>
        <translation>Rien n&apos;est retenu. Activez «&#xa0;Retenir les transferts&#xa0;» pour acquitter Hoox tout de suite et libérer chaque livraison vers votre application quand vous êtes prêt.</translation>
    </message>
    <message>
        <source>Double-click a held forward to release it.</source>
        <translation>Double-cliquez sur un transfert retenu pour le libérer.</translation>
    </message>
    <message>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>Tâche</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Cible</translation>
    </message>
    <message>
        <source>Send every held forward to your app, in arrival order.</source>
        <translation>Envoyer tous les transferts retenus à votre application, dans l&apos;ordre d&apos;arrivée.</translation>
    </message>
    <message>
        <source>Drop</source>
        <translation>Abandonner</translation>
    </message>
    <message>
        <source>Discard the selected held forwards: your app never gets them. The captures stay.</source>
        <translation>Écarter les transferts retenus sélectionnés&#xa0;: votre application ne les recevra jamais. Les captures restent.</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation>%1 min %2 s</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 h %2 min</translation>
    </message>
    <message>
        <source>held for %1</source>
        <translation>retenu depuis %1</translation>
    </message>
    <message>
        <source>sent, waiting for your app</source>
        <translation>envoyé, en attente de votre application</translation>
    </message>
    <message>
        <source>waiting for your app: Hoox gets 502 now</source>
        <translation>en attente de votre application&#xa0;: Hoox reçoit 502 maintenant</translation>
    </message>
    <message>
        <source>waiting for your app: Hoox gets 502 in %1 s</source>
        <translation>en attente de votre application&#xa0;: Hoox reçoit 502 dans %1 s</translation>
    </message>
    <message>
        <source>Send the selected held forwards to your app.</source>
        <translation>Envoyer les transferts retenus sélectionnés à votre application.</translation>
    </message>
    <message>
        <source>Send the oldest held forward to your app; select one to send it first.</source>
        <translation>Envoyer le plus ancien transfert retenu à votre application&#xa0;; sélectionnez-en un pour l&apos;envoyer en premier.</translation>
    </message>
    <message>
        <source>Release</source>
        <translation>Libérer</translation>
    </message>
    <message>
        <source>Release all</source>
        <translation>Tout libérer</translation>
    </message>
</context>
<context>
    <name>HelpDialog</name>
    <message>
        <source>HookScope help</source>
        <translation>Aide de HookScope</translation>
    </message>
    <message>
        <source>Keyboard</source>
        <translation>Keyboard</translation>
    </message>
</context>
<context>
    <name>HoldConsole</name>
    <message>
        <source>Commands: release [ID|all], drop [ID|all], held.</source>
        <translation>Commandes&#xa0;: release [ID|all], drop [ID|all], held.</translation>
    </message>
    <message>
        <source>Nothing is held.</source>
        <translation>Rien n&apos;est retenu.</translation>
    </message>
    <message>
        <source>Held, oldest first: %1</source>
        <translation>Retenus, du plus ancien au plus récent&#xa0;: %1</translation>
    </message>
    <message>
        <source>Unknown command &quot;%1&quot;. %2</source>
        <translation>Commande inconnue «&#xa0;%1&#xa0;». %2</translation>
    </message>
    <message>
        <source>&quot;%1&quot; takes one ID or all. %2</source>
        <translation>«&#xa0;%1&#xa0;» prend un ID ou all. %2</translation>
    </message>
    <message numerus="yes">
        <source>Releasing %n held forward(s).</source>
        <translation>
            <numerusform>Libération de %n transfert retenu.</numerusform>
            <numerusform>Libération de %n transferts retenus.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Dropping %n held forward(s).</source>
        <translation>
            <numerusform>Abandon de %n transfert retenu.</numerusform>
            <numerusform>Abandon de %n transferts retenus.</numerusform>
        </translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a capture ID. %2</source>
        <translation>«&#xa0;%1&#xa0;» n&apos;est pas un ID de capture. %2</translation>
    </message>
    <message>
        <source>#%1 is not held.</source>
        <translation>#%1 n&apos;est pas retenu.</translation>
    </message>
    <message>
        <source>Releasing #%1.</source>
        <translation>Libération de #%1.</translation>
    </message>
    <message>
        <source>Dropping #%1.</source>
        <translation>Abandon de #%1.</translation>
    </message>
</context>
<context>
    <name>HooxClassifier</name>
    <message>
        <source>Hoox sends every webhook body as a JSON object; this body is not a JSON object.</source>
        <translation>Hoox envoie chaque corps de webhook sous forme d&apos;objet JSON&#xa0;; ce corps n&apos;est pas un objet JSON.</translation>
    </message>
    <message>
        <source>Every Hoox webhook carries a task string (video_generate, video_export, avatar_create or avatar_edit) that receivers route on.</source>
        <translation>Chaque webhook Hoox porte une chaîne task (video_generate, video_export, avatar_create ou avatar_edit) sur laquelle les récepteurs aiguillent.</translation>
    </message>
    <message>
        <source>Hoox documents only the tasks video_generate, video_export, avatar_create and avatar_edit, so a Hoox receiver cannot route this task.</source>
        <translation>Hoox ne documente que les tâches video_generate, video_export, avatar_create et avatar_edit&#xa0;: un récepteur Hoox ne peut pas aiguiller cette tâche.</translation>
    </message>
    <message>
        <source>Hoox video tasks (video_generate, video_export) always carry job_id, the idempotency key of the delivery.</source>
        <translation>Les tâches vidéo de Hoox (video_generate, video_export) portent toujours job_id, la clé d&apos;idempotence de la livraison.</translation>
    </message>
    <message>
        <source>Hoox avatar tasks (avatar_create, avatar_edit) always carry avatar_id, which with look_id forms the idempotency key of the delivery.</source>
        <translation>Les tâches avatar de Hoox (avatar_create, avatar_edit) portent toujours avatar_id, qui forme avec look_id la clé d&apos;idempotence de la livraison.</translation>
    </message>
    <message>
        <source>Hoox avatar tasks (avatar_create, avatar_edit) always carry look_id, which with avatar_id forms the idempotency key of the delivery.</source>
        <translation>Les tâches avatar de Hoox (avatar_create, avatar_edit) portent toujours look_id, qui forme avec avatar_id la clé d&apos;idempotence de la livraison.</translation>
    </message>
    <message>
        <source>Every Hoox webhook carries a status string, completed or failed.</source>
        <translation>Chaque webhook Hoox porte une chaîne status, completed ou failed.</translation>
    </message>
    <message>
        <source>Hoox sends webhooks only when a job has finished, with the status completed or failed.</source>
        <translation>Hoox n&apos;envoie de webhook qu&apos;une fois une tâche terminée, avec le statut completed ou failed.</translation>
    </message>
    <message>
        <source>A completed Hoox webhook always carries a result object describing what the job produced.</source>
        <translation>Un webhook Hoox completed porte toujours un objet result qui décrit ce que la tâche a produit.</translation>
    </message>
    <message>
        <source>A failed Hoox webhook always carries an error object with a code and a message.</source>
        <translation>Un webhook Hoox failed porte toujours un objet error avec un code et un message.</translation>
    </message>
    <message>
        <source>The error object of a failed Hoox webhook always carries a code string, such as INSUFFICIENT_CREDITS.</source>
        <translation>L&apos;objet error d&apos;un webhook Hoox failed porte toujours une chaîne code, comme INSUFFICIENT_CREDITS.</translation>
    </message>
    <message>
        <source>The error object of a failed Hoox webhook always carries a human-readable message string.</source>
        <translation>L&apos;objet error d&apos;un webhook Hoox failed porte toujours une chaîne message lisible par un humain.</translation>
    </message>
    <message>
        <source>Hoox sends a User-Agent containing Hoox-API, and receivers following the Hoox security guide answer 401 to requests without it.</source>
        <translation>Hoox envoie un User-Agent contenant Hoox-API, et les récepteurs qui suivent le guide de sécurité Hoox répondent 401 aux requêtes qui en sont dépourvues.</translation>
    </message>
    <message>
        <source>Hoox sends the header X-Hoox-Webhook: true once, and receivers following the Hoox security guide answer 401 to requests without it.</source>
        <translation>Hoox envoie l&apos;en-tête X-Hoox-Webhook: true une fois, et les récepteurs qui suivent le guide de sécurité Hoox répondent 401 aux requêtes qui en sont dépourvues.</translation>
    </message>
    <message>
        <source>Hoox delivers every webhook as an HTTP POST request.</source>
        <translation>Hoox livre chaque webhook par une requête HTTP POST.</translation>
    </message>
    <message>
        <source>Hoox sends its payload as application/json, and receivers like the Hoox example&apos;s express.json() ignore bodies of any other content type.</source>
        <translation>Hoox envoie sa charge utile en application/json, et les récepteurs comme le express.json() de l&apos;exemple Hoox ignorent les corps de tout autre type de contenu.</translation>
    </message>
    <message>
        <source>A JSON object in this body carries the key &quot;%1&quot; more than once. Hoox sends each key once; receivers disagree on which value wins (JSON.parse keeps the last, other parsers the first or refuse the body).</source>
        <translation>Un objet JSON de ce corps porte la clé «&#xa0;%1&#xa0;» plus d&apos;une fois. Hoox envoie chaque clé une seule fois&#xa0;; les récepteurs divergent sur la valeur retenue (JSON.parse garde la dernière, d&apos;autres analyseurs la première ou refusent le corps).</translation>
    </message>
    <message>
        <source>Hoox retries repeat the same outcome for the same job_id or avatar_id:look_id, but this duplicate differs from the first delivery, which an idempotent receiver would have kept.</source>
        <translation>Les nouvelles tentatives de Hoox répètent la même issue pour le même job_id ou avatar_id:look_id, mais ce doublon diffère de la première livraison, celle qu&apos;un récepteur idempotent aurait gardée.</translation>
    </message>
    <message>
        <source>This finding is not part of the Hoox webhook contract that HookScope checks.</source>
        <translation>Ce constat ne fait pas partie du contrat des webhooks Hoox que HookScope vérifie.</translation>
    </message>
    <message>
        <source>Parsing stopped at %1.</source>
        <translation>L&apos;analyse s&apos;est arrêtée à %1.</translation>
    </message>
    <message>
        <source>The body is valid JSON, but not an object.</source>
        <translation>Le corps est du JSON valide, mais pas un objet.</translation>
    </message>
</context>
<context>
    <name>JobIndicator</name>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
</context>
<context>
    <name>Journal</name>
    <message>
        <source>Could not save the journal %1 to disk: %2. %3</source>
        <translation>Impossible d&apos;enregistrer le journal %1 sur le disque&#xa0;: %2. %3</translation>
    </message>
    <message>
        <source>Could not write to the journal %1: %2. %3</source>
        <translation>Impossible d&apos;écrire dans le journal %1&#xa0;: %2. %3</translation>
    </message>
    <message>
        <source>Could not write the answer of capture %1 to the journal %2: %3.</source>
        <translation>Impossible d&apos;écrire la réponse de la capture %1 dans le journal %2&#xa0;: %3.</translation>
    </message>
    <message>
        <source>The journal is not open for writing; open it again.</source>
        <translation>Le journal n&apos;est pas ouvert en écriture&#xa0;; rouvrez-le.</translation>
    </message>
    <message>
        <source>The journal %1 holds no record at offset %2.</source>
        <translation>Le journal %1 ne contient aucun enregistrement à la position %2.</translation>
    </message>
    <message>
        <source>The record at offset %1 of the journal %2 is not capture %3 as recorded; its answer was not written.</source>
        <translation>L&apos;enregistrement à la position %1 du journal %2 n&apos;est pas la capture %3 attendue&#xa0;; sa réponse n&apos;a pas été écrite.</translation>
    </message>
    <message>
        <source>Cannot update the journal %1 to format version %2: %3.</source>
        <translation>Impossible de mettre à jour le journal %1 vers la version de format %2&#xa0;: %3.</translation>
    </message>
    <message>
        <source>process %1</source>
        <translation>processus %1</translation>
    </message>
    <message>
        <source>process %1: %2</source>
        <translation>processus %1&#xa0;: %2</translation>
    </message>
    <message>
        <source>another process</source>
        <translation>un autre processus</translation>
    </message>
    <message>
        <source>The journal %1 is in use by another HookScope (%2). A journal has one writer: stop that HookScope, or give this one another journal with --journal PATH (in the window: File → New session). `hookscope export --journal %1` reads it while it runs.</source>
        <translation>Le journal %1 est utilisé par un autre HookScope (%2). Un journal n&apos;a qu&apos;un seul rédacteur&#xa0;: arrêtez cet autre HookScope, ou donnez un autre journal à celui-ci avec --journal PATH (dans la fenêtre&#xa0;: Fichier → Nouvelle session). `hookscope export --journal %1` le lit pendant qu&apos;il tourne.</translation>
    </message>
    <message>
        <source>The journal %1 holds no capture %2 to annotate.</source>
        <translation>Le journal %1 ne contient aucune capture %2 à annoter.</translation>
    </message>
    <message>
        <source>The note is too long for the journal (%1 bytes; at most %2 fit).</source>
        <translation>La note est trop longue pour le journal (%1 octets&#xa0;; %2 au plus).</translation>
    </message>
</context>
<context>
    <name>JournalInput</name>
    <message>
        <source>Cannot open the journal %1: %2.</source>
        <translation>Impossible d&apos;ouvrir le journal %1&#xa0;: %2.</translation>
    </message>
</context>
<context>
    <name>JsonError</name>
    <message>
        <source>line %1, column %2: %3</source>
        <translation>ligne %1, colonne %2&#xa0;: %3</translation>
    </message>
</context>
<context>
    <name>JsonLines</name>
    <message>
        <source>&quot;%1&quot; is missing</source>
        <translation>«&#xa0;%1&#xa0;» est absent</translation>
    </message>
    <message>
        <source>&quot;body_base64&quot; is not valid base64</source>
        <translation>«&#xa0;body_base64&#xa0;» n&apos;est pas du base64 valide</translation>
    </message>
    <message>
        <source>no &quot;body&quot; or &quot;body_base64&quot;</source>
        <translation>ni «&#xa0;body&#xa0;» ni «&#xa0;body_base64&#xa0;»</translation>
    </message>
    <message>
        <source>both &quot;body&quot; and &quot;body_base64&quot;; a record has one of them</source>
        <translation>à la fois «&#xa0;body&#xa0;» et «&#xa0;body_base64&#xa0;»&#xa0;; un enregistrement n&apos;a que l&apos;un des deux</translation>
    </message>
    <message>
        <source>&quot;body&quot; is not a string</source>
        <translation>«&#xa0;body&#xa0;» n&apos;est pas une chaîne</translation>
    </message>
    <message>
        <source>&quot;method&quot; is not an HTTP method: %1</source>
        <translation>«&#xa0;method&#xa0;» n&apos;est pas une méthode HTTP&#xa0;: %1</translation>
    </message>
    <message>
        <source>&quot;target&quot; holds spaces or control characters</source>
        <translation>«&#xa0;target&#xa0;» contient des espaces ou des caractères de contrôle</translation>
    </message>
    <message>
        <source>&quot;received_at&quot; is not an ISO 8601 time</source>
        <translation>«&#xa0;received_at&#xa0;» n&apos;est pas une heure ISO 8601</translation>
    </message>
    <message>
        <source>&quot;refused&quot; is neither true nor false</source>
        <translation>«&#xa0;refused&#xa0;» n&apos;est ni true ni false</translation>
    </message>
    <message>
        <source>a refused request (no access token) is not imported</source>
        <translation>une requête refusée (sans jeton d&apos;accès) n&apos;est pas importée</translation>
    </message>
    <message>
        <source>not JSON: %1 at column %2</source>
        <translation>pas du JSON&#xa0;: %1 à la colonne %2</translation>
    </message>
    <message>
        <source>not a JSON object</source>
        <translation>pas un objet JSON</translation>
    </message>
    <message>
        <source>line %1: %2</source>
        <translation>ligne %1&#xa0;: %2</translation>
    </message>
</context>
<context>
    <name>JsonPretty</name>
    <message numerus="yes">
        <source>…&quot; (%n more bytes)</source>
        <translation>
            <numerusform>…&quot; (%n octet de plus)</numerusform>
            <numerusform>…&quot; (%n octets de plus)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>JsonScanner</name>
    <message>
        <source>expected a key string after &apos;,&apos;, found %1</source>
        <translation>une chaîne de clé était attendue après &apos;,&apos;, trouvé %1</translation>
    </message>
    <message>
        <source>expected a key string or &apos;}&apos;, found %1</source>
        <translation>une chaîne de clé ou &apos;}&apos; était attendue, trouvé %1</translation>
    </message>
    <message>
        <source>expected &apos;:&apos; after the key &quot;%1&quot;, found %2</source>
        <translation>&apos;:&apos; était attendu après la clé &quot;%1&quot;, trouvé %2</translation>
    </message>
    <message>
        <source>expected the end of the body after the JSON value, found %1</source>
        <translation>la fin du corps était attendue après la valeur JSON, trouvé %1</translation>
    </message>
    <message>
        <source>expected &apos;,&apos; or &apos;}&apos; after the value of &quot;%1&quot;, found %2</source>
        <translation>&apos;,&apos; ou &apos;}&apos; était attendu après la valeur de &quot;%1&quot;, trouvé %2</translation>
    </message>
    <message>
        <source>expected &apos;,&apos; or &apos;]&apos; after an array element, found %1</source>
        <translation>&apos;,&apos; ou &apos;]&apos; était attendu après un élément de tableau, trouvé %1</translation>
    </message>
    <message>
        <source>expected at most %1 nested objects and arrays</source>
        <translation>%1 objets et tableaux imbriqués au plus étaient attendus</translation>
    </message>
    <message>
        <source>expected &apos;&quot;&apos; to close the string, found %1</source>
        <translation>&apos;&quot;&apos; était attendu pour fermer la chaîne, trouvé %1</translation>
    </message>
    <message>
        <source>expected a control character in a string to be escaped, found %1</source>
        <translation>un caractère de contrôle devait être échappé dans une chaîne, trouvé %1</translation>
    </message>
    <message>
        <source>expected UTF-8 text in a string, found %1</source>
        <translation>du texte UTF-8 était attendu dans une chaîne, trouvé %1</translation>
    </message>
    <message>
        <source>expected an escape after &apos;\&apos;, found %1</source>
        <translation>un échappement était attendu après &apos;\&apos;, trouvé %1</translation>
    </message>
    <message>
        <source>expected 4 hex digits after &apos;\u&apos;, found %1</source>
        <translation>4 chiffres hexadécimaux étaient attendus après &apos;\u&apos;, trouvé %1</translation>
    </message>
    <message>
        <source>expected one of &quot; \ / b f n r t u after &apos;\&apos;, found %1</source>
        <translation>l&apos;un de &quot; \ / b f n r t u était attendu après &apos;\&apos;, trouvé %1</translation>
    </message>
    <message>
        <source>expected a digit after &apos;-&apos;, found %1</source>
        <translation>un chiffre était attendu après &apos;-&apos;, trouvé %1</translation>
    </message>
    <message>
        <source>expected a digit after &apos;.&apos;, found %1</source>
        <translation>un chiffre était attendu après &apos;.&apos;, trouvé %1</translation>
    </message>
    <message>
        <source>expected a digit in the exponent, found %1</source>
        <translation>un chiffre était attendu dans l&apos;exposant, trouvé %1</translation>
    </message>
    <message>
        <source>expected %1, found %2</source>
        <translation>%1 était attendu, trouvé %2</translation>
    </message>
    <message>
        <source>the end of the body</source>
        <translation>la fin du corps</translation>
    </message>
    <message>
        <source>byte 0x%1</source>
        <translation>l&apos;octet 0x%1</translation>
    </message>
    <message>
        <source>expected a JSON value, found %1</source>
        <translation>une valeur JSON était attendue, trouvé %1</translation>
    </message>
    <message>
        <source>expected a value for &quot;%1&quot;, found %2</source>
        <translation>une valeur était attendue pour &quot;%1&quot;, trouvé %2</translation>
    </message>
    <message>
        <source>expected a value in the array, found %1</source>
        <translation>une valeur était attendue dans le tableau, trouvé %1</translation>
    </message>
</context>
<context>
    <name>JsonTreeModel</name>
    <message>
        <source>object</source>
        <translation>objet</translation>
    </message>
    <message>
        <source>array</source>
        <translation>tableau</translation>
    </message>
    <message>
        <source>string</source>
        <translation>chaîne</translation>
    </message>
    <message>
        <source>number</source>
        <translation>nombre</translation>
    </message>
    <message>
        <source>boolean</source>
        <translation>booléen</translation>
    </message>
    <message>
        <source>null</source>
        <translation>null</translation>
    </message>
    <message>
        <source>error</source>
        <translation>erreur</translation>
    </message>
    <message>
        <source>Not JSON from here: %1</source>
        <translation>Pas du JSON à partir d&apos;ici&#xa0;: %1</translation>
    </message>
    <message>
        <source>duplicate key: receivers disagree which one wins</source>
        <translation>clé en double&#xa0;: les récepteurs divergent sur celle qui l&apos;emporte</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Clé</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Valeur</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
</context>
<context>
    <name>Listener</name>
    <message>
        <source>Port %1 on %2 is already in use, by another HookScope or another program. Choose a free port with --port N (or 0 to let the system pick one), or stop the program that holds it; `ss -ltnp &apos;sport = :%1&apos;` shows which one.</source>
        <translation>Le port %1 sur %2 est déjà utilisé, par un autre HookScope ou un autre programme. Choisissez un port libre avec --port N (ou 0 pour laisser le système en choisir un), ou arrêtez le programme qui l&apos;occupe&#xa0;; `ss -ltnp &apos;sport = :%1&apos;` indique lequel.</translation>
    </message>
    <message>
        <source>Cannot listen on %1: %2</source>
        <translation>Impossible d&apos;écouter sur %1&#xa0;: %2</translation>
    </message>
</context>
<context>
    <name>ListenerBar</name>
    <message>
        <source>The port ngrok forwards to: ngrok http &lt;port&gt;. 0 picks a free one.</source>
        <translation>Le port vers lequel ngrok transfère&#xa0;: ngrok http &lt;port&gt;. 0 en choisit un libre.</translation>
    </message>
    <message>
        <source>&amp;Bind</source>
        <translation>Adr&amp;esse</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Arrêter</translation>
    </message>
    <message>
        <source>webhook_&amp;url</source>
        <translation>webhook_&amp;url</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Copier</translation>
    </message>
    <message>
        <source>Copy curl</source>
        <translation>Copier curl</translation>
    </message>
    <message>
        <source>A ready-to-paste curl of Hoox&apos;s generation/start request carrying this webhook_url</source>
        <translation>Un curl prêt à coller de la requête generation/start de Hoox, portant ce webhook_url</translation>
    </message>
    <message>
        <source>&amp;Answer</source>
        <translation>Répo&amp;nse</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source> ms</source>
        <translation> ms</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>Appliquer</translation>
    </message>
    <message>
        <source>Answer the next N deliveries with this status, so that Hoox retries them</source>
        <translation>Répondre avec ce statut aux N prochaines livraisons, pour que Hoox les réessaie</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Démarrer</translation>
    </message>
    <message>
        <source>Not listening: %1 was not confirmed.</source>
        <translation>Pas à l&apos;écoute&#xa0;: %1 n&apos;a pas été confirmé.</translation>
    </message>
    <message>
        <source>Listening on http://%1:%2/ — expose it with: ngrok http %2</source>
        <translation>À l&apos;écoute sur http://%1:%2/ — exposez-le avec&#xa0;: ngrok http %2</translation>
    </message>
    <message>
        <source> · Reachable from other machines on %1</source>
        <translation> · Joignable depuis d&apos;autres machines sur %1</translation>
    </message>
    <message>
        <source>Stopped: deliveries are refused until you start again.</source>
        <translation>Arrêté&#xa0;: les livraisons sont refusées jusqu&apos;au redémarrage.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an IP address; use 127.0.0.1 (or ::1).</source>
        <translation>«&#xa0;%1&#xa0;» n&apos;est pas une adresse IP&#xa0;; utilisez 127.0.0.1 (ou ::1).</translation>
    </message>
    <message>
        <source>failing the next %1 with %2</source>
        <translation>échec des %1 prochaines avec %2</translation>
    </message>
    <message>
        <source>delaying the next %1 by %2 s</source>
        <translation>retard des %1 prochaines de %2 s</translation>
    </message>
    <message>
        <source>Po&amp;rt</source>
        <translation>Por&amp;t</translation>
    </message>
    <message>
        <source>The address to listen on: 127.0.0.1 keeps HookScope to this machine (ngrok reaches it there)</source>
        <translation>L&apos;adresse d&apos;écoute&#xa0;: 127.0.0.1 garde HookScope sur cette machine (ngrok l&apos;y atteint)</translation>
    </message>
    <message>
        <source>Copy the webhook_url to paste into a Hoox request (Ctrl+Shift+U)</source>
        <translation>Copier le webhook_url à coller dans une requête Hoox (Ctrl+Shift+U)</translation>
    </message>
    <message>
        <source>The status every delivery is answered with</source>
        <translation>Le statut de la réponse à chaque livraison</translation>
    </message>
    <message>
        <source>The answer&apos;s body</source>
        <translation>Le corps de la réponse</translation>
    </message>
    <message>
        <source>after</source>
        <translation>après</translation>
    </message>
    <message>
        <source>How long to wait before answering</source>
        <translation>Combien attendre avant de répondre</translation>
    </message>
    <message>
        <source>Fail ne&amp;xt</source>
        <translation>É&amp;chouer les</translation>
    </message>
    <message>
        <source>How many of the next deliveries fail</source>
        <translation>Combien des prochaines livraisons échouent</translation>
    </message>
    <message>
        <source>with</source>
        <translation>avec</translation>
    </message>
    <message>
        <source>The status they are answered with</source>
        <translation>Le statut de leur réponse</translation>
    </message>
    <message>
        <source>Dela&amp;y next</source>
        <translation>Retarde&amp;r les</translation>
    </message>
    <message>
        <source>Answer the next N deliveries after 11 s, past Hoox&apos;s 10 s timeout, so that Hoox retries them</source>
        <translation>Répondre aux N prochaines livraisons après 11 s, au-delà du délai de 10 s de Hoox, pour que Hoox les réessaie</translation>
    </message>
    <message>
        <source>How many of the next deliveries are answered late</source>
        <translation>Combien des prochaines livraisons reçoivent une réponse tardive</translation>
    </message>
    <message>
        <source>past Hoox&apos;s 10 s</source>
        <translation>au-delà des 10 s de Hoox</translation>
    </message>
    <message>
        <source>Listening</source>
        <translation>À l&apos;écoute</translation>
    </message>
    <message>
        <source>Listening on all</source>
        <translation>À l&apos;écoute partout</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>Arrêté</translation>
    </message>
    <message>
        <source>webhook_url copied: %1</source>
        <translation>webhook_url copié&#xa0;: %1</translation>
    </message>
    <message>
        <source>Hoox request copied as curl</source>
        <translation>Requête Hoox copiée en curl</translation>
    </message>
    <message>
        <source>run: ngrok http %1 — or paste its https URL</source>
        <translation>lancez&#xa0;: ngrok http %1 — ou collez son URL https</translation>
    </message>
    <message>
        <source>Paste this as webhook_url in your Hoox request.</source>
        <translation>Collez ceci comme webhook_url dans votre requête Hoox.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>HookScope</source>
        <translation>HookScope</translation>
    </message>
    <message>
        <source>Filter by key, path or body (Ctrl+F)</source>
        <translation>Filtrer par clé, chemin ou corps (Ctrl+F)</translation>
    </message>
    <message>
        <source>&amp;Saved</source>
        <translation>Enre&amp;gistrés</translation>
    </message>
    <message>
        <source>Saved filters</source>
        <translation>Filtres enregistrés</translation>
    </message>
    <message>
        <source>With fi&amp;ndings only</source>
        <translation>Avec constats seule&amp;ment</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <source>&amp;Recent sessions</source>
        <translation>Sessions &amp;récentes</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>É&amp;dition</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Affichage</translation>
    </message>
    <message>
        <source>&amp;Capture</source>
        <translation>&amp;Capture</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>A&amp;ide</translation>
    </message>
    <message>
        <source>&amp;New session</source>
        <translation>&amp;Nouvelle session</translation>
    </message>
    <message>
        <source>Ctrl+N</source>
        <translation>Ctrl+N</translation>
    </message>
    <message>
        <source>&amp;Open journal…</source>
        <translation>&amp;Ouvrir un journal…</translation>
    </message>
    <message>
        <source>Ctrl+O</source>
        <translation>Ctrl+O</translation>
    </message>
    <message>
        <source>&amp;Import HAR or JSON Lines…</source>
        <translation>&amp;Importer HAR ou JSON Lines…</translation>
    </message>
    <message>
        <source>Ctrl+I</source>
        <translation>Ctrl+I</translation>
    </message>
    <message>
        <source>&amp;Export all…</source>
        <translation>&amp;Exporter tout…</translation>
    </message>
    <message>
        <source>Ctrl+E</source>
        <translation>Ctrl+E</translation>
    </message>
    <message>
        <source>Export &amp;selection…</source>
        <translation>Exporter la &amp;sélection…</translation>
    </message>
    <message>
        <source>Ctrl+Shift+E</source>
        <translation>Ctrl+Shift+E</translation>
    </message>
    <message>
        <source>Copy as c&amp;url</source>
        <translation>Copier comme c&amp;url</translation>
    </message>
    <message>
        <source>Ctrl+Shift+C</source>
        <translation>Ctrl+Shift+C</translation>
    </message>
    <message>
        <source>Copy as &amp;Node fetch</source>
        <translation>Copier comme fetch &amp;Node</translation>
    </message>
    <message>
        <source>Copy as P&amp;ython requests</source>
        <translation>Copier comme requests P&amp;ython</translation>
    </message>
    <message>
        <source>Ctrl+Shift+Del</source>
        <translation>Ctrl+Shift+Del</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <source>Ctrl+Q</source>
        <translation>Ctrl+Q</translation>
    </message>
    <message>
        <source>&amp;Copy payload</source>
        <translation>&amp;Copier la charge utile</translation>
    </message>
    <message>
        <source>Ctrl+C</source>
        <translation>Ctrl+C</translation>
    </message>
    <message>
        <source>&amp;Filter captures</source>
        <translation>&amp;Filtrer les captures</translation>
    </message>
    <message>
        <source>Ctrl+F</source>
        <translation>Ctrl+F</translation>
    </message>
    <message>
        <source>Find in &amp;payload</source>
        <translation>C&amp;hercher dans la charge utile</translation>
    </message>
    <message>
        <source>Ctrl+Shift+F</source>
        <translation>Ctrl+Shift+F</translation>
    </message>
    <message>
        <source>&amp;Follow new deliveries</source>
        <translation>&amp;Suivre les nouvelles livraisons</translation>
    </message>
    <message>
        <source>Ctrl+L</source>
        <translation>Ctrl+L</translation>
    </message>
    <message>
        <source>Clear fi&amp;lters</source>
        <translation>&amp;Effacer les filtres</translation>
    </message>
    <message>
        <source>Ctrl+Shift+L</source>
        <translation>Ctrl+Shift+L</translation>
    </message>
    <message>
        <source>&amp;Show all deliveries of this key</source>
        <translation>&amp;Afficher toutes les livraisons de cette clé</translation>
    </message>
    <message>
        <source>Ctrl+K</source>
        <translation>Ctrl+K</translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation>&amp;Préférences…</translation>
    </message>
    <message>
        <source>Ctrl+,</source>
        <translation>Ctrl+,</translation>
    </message>
    <message>
        <source>&amp;About HookScope</source>
        <translation>À &amp;propos de HookScope</translation>
    </message>
    <message>
        <source>Ctrl+R</source>
        <translation>Ctrl+R</translation>
    </message>
    <message>
        <source>Re&amp;play…</source>
        <translation>Re&amp;jouer…</translation>
    </message>
    <message>
        <source>Ctrl+Shift+R</source>
        <translation>Ctrl+Shift+R</translation>
    </message>
    <message>
        <source>Check &amp;endpoint…</source>
        <translation>&amp;Vérifier un point de terminaison…</translation>
    </message>
    <message>
        <source>Ctrl+Shift+K</source>
        <translation>Ctrl+Shift+K</translation>
    </message>
    <message>
        <source>&amp;Jump to the first delivery</source>
        <translation>Aller à la &amp;première livraison</translation>
    </message>
    <message>
        <source>Ctrl+J</source>
        <translation>Ctrl+J</translation>
    </message>
    <message>
        <source>Compare with &amp;previous attempt</source>
        <translation>Comparer avec la tentative pré&amp;cédente</translation>
    </message>
    <message>
        <source>Compare with the delivery it &amp;conflicts with</source>
        <translation>Comparer avec la livraison en c&amp;onflit</translation>
    </message>
    <message>
        <source>&amp;Payload</source>
        <translation>C&amp;harge utile</translation>
    </message>
    <message>
        <source>&amp;Deliver</source>
        <translation>&amp;Livrer</translation>
    </message>
    <message>
        <source>Listen on %1?</source>
        <translation>Écouter sur %1&#xa0;?</translation>
    </message>
    <message>
        <source>On %1, other machines on your network can send requests to HookScope. ngrok only needs 127.0.0.1.</source>
        <translation>Sur %1, les autres machines de votre réseau peuvent envoyer des requêtes à HookScope. ngrok n&apos;a besoin que de 127.0.0.1.</translation>
    </message>
    <message>
        <source>Search cancelled: the filter is off.</source>
        <translation>Recherche annulée&#xa0;: le filtre est désactivé.</translation>
    </message>
    <message>
        <source>The first delivery of key %1, #%2, is not loaded: retention keeps only the newest captures of this session.</source>
        <translation>La première livraison de la clé %1, #%2, n&apos;est pas chargée&#xa0;: la rétention ne garde que les captures les plus récentes de cette session.</translation>
    </message>
    <message>
        <source>He&amp;ld</source>
        <translation>&amp;Retenus</translation>
    </message>
    <message>
        <source>He&amp;ld (%1)</source>
        <translation>&amp;Retenus (%1)</translation>
    </message>
    <message>
        <source>&amp;Timeline</source>
        <translation>Chr&amp;onologie</translation>
    </message>
    <message>
        <source>%L1 of %L2 shown</source>
        <translation>%L1 affichées sur %L2</translation>
    </message>
    <message>
        <source> · searching…</source>
        <translation> · recherche…</translation>
    </message>
    <message>
        <source>&amp;Clear view…</source>
        <translation>&amp;Vider la vue…</translation>
    </message>
    <message>
        <source>Hide all captures from the view; the journal keeps them</source>
        <translation>Masquer toutes les captures de la vue&#xa0;; le journal les conserve</translation>
    </message>
    <message>
        <source>Clear the view?</source>
        <translation>Vider la vue&#xa0;?</translation>
    </message>
    <message numerus="yes">
        <source>Hide all %n capture(s) from the view? Nothing is deleted: the journal keeps them, and they show again when this session is next opened, as when HookScope starts again. To delete captures, select them and press Del; to start empty, use File → New session.</source>
        <translation>
            <numerusform>Masquer la capture (%n) de la vue&#xa0;? Rien n&apos;est supprimé&#xa0;: le journal la conserve, et elle réapparaît à la prochaine ouverture de cette session, comme au redémarrage de HookScope. Pour supprimer des captures, sélectionnez-les et appuyez sur Suppr&#xa0;; pour repartir de zéro, utilisez Fichier → Nouvelle session.</numerusform>
            <numerusform>Masquer les %n captures de la vue&#xa0;? Rien n&apos;est supprimé&#xa0;: le journal les conserve, et elles réapparaissent à la prochaine ouverture de cette session, comme au redémarrage de HookScope. Pour supprimer des captures, sélectionnez-les et appuyez sur Suppr&#xa0;; pour repartir de zéro, utilisez Fichier → Nouvelle session.</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Resend selection back to back</source>
        <translation>&amp;Renvoyer la sélection à la suite</translation>
    </message>
    <message>
        <source>Resend selection &amp;with original spacing</source>
        <translation>Renvoyer la sélection avec l&apos;&amp;espacement d&apos;origine</translation>
    </message>
    <message>
        <source>Ctrl+Alt+R</source>
        <translation>Ctrl+Alt+R</translation>
    </message>
    <message>
        <source>Duplicates &amp;only</source>
        <translation>D&amp;oublons seulement</translation>
    </message>
    <message>
        <source>Follo&amp;w</source>
        <translation>Sui&amp;vre</translation>
    </message>
    <message>
        <source>D&amp;iff</source>
        <translation>É&amp;carts</translation>
    </message>
    <message>
        <source>Follow paused while you read older rows: check Follow to jump to the newest.</source>
        <translation>Suivi en pause pendant que vous lisez des lignes plus anciennes&#xa0;: cochez Suivre pour revenir à la plus récente.</translation>
    </message>
</context>
<context>
    <name>Navigator</name>
    <message>
        <source>Go to the &amp;table</source>
        <translation>Aller au &amp;tableau</translation>
    </message>
    <message>
        <source>Ctrl+1</source>
        <translation>Ctrl+1</translation>
    </message>
    <message>
        <source>Go to the &amp;detail pane</source>
        <translation>Aller au panneau de &amp;détail</translation>
    </message>
    <message>
        <source>Ctrl+2</source>
        <translation>Ctrl+2</translation>
    </message>
    <message>
        <source>&amp;Next detail tab</source>
        <translation>Onglet de détail suiva&amp;nt</translation>
    </message>
    <message>
        <source>Ctrl+Tab</source>
        <translation>Ctrl+Tab</translation>
    </message>
    <message>
        <source>P&amp;revious detail tab</source>
        <translation>Onglet de détail &amp;précédent</translation>
    </message>
    <message>
        <source>Ctrl+Shift+Tab</source>
        <translation>Ctrl+Shift+Tab</translation>
    </message>
    <message>
        <source>Next payload &amp;view</source>
        <translation>&amp;Vue suivante de la charge</translation>
    </message>
    <message>
        <source>Ctrl+PgDown</source>
        <translation>Ctrl+PgDown</translation>
    </message>
    <message>
        <source>Previous payload vi&amp;ew</source>
        <translation>V&amp;ue précédente de la charge</translation>
    </message>
    <message>
        <source>Ctrl+PgUp</source>
        <translation>Ctrl+PgUp</translation>
    </message>
    <message>
        <source>Copy &amp;webhook_url</source>
        <translation>Copier le &amp;webhook_url</translation>
    </message>
    <message>
        <source>Ctrl+Shift+U</source>
        <translation>Ctrl+Shift+U</translation>
    </message>
    <message>
        <source>Start or stop &amp;listening</source>
        <translation>Démarrer ou arrêter l&apos;&amp;écoute</translation>
    </message>
    <message>
        <source>Ctrl+Alt+L</source>
        <translation>Ctrl+Alt+L</translation>
    </message>
    <message>
        <source>&amp;Fail the next deliveries (as in the bar)</source>
        <translation>Faire échouer les prochaines livraisons (comme dans la &amp;barre)</translation>
    </message>
    <message>
        <source>Ctrl+Alt+F</source>
        <translation>Ctrl+Alt+F</translation>
    </message>
    <message>
        <source>&amp;Delay the next deliveries past 10 s</source>
        <translation>Retarder les prochaines livraisons au-delà de 10 s (&amp;délai)</translation>
    </message>
    <message>
        <source>Ctrl+Alt+D</source>
        <translation>Ctrl+Alt+D</translation>
    </message>
    <message>
        <source>HookScope &amp;help</source>
        <translation>&amp;Aide de HookScope</translation>
    </message>
</context>
<context>
    <name>NgrokRecovery</name>
    <message>
        <source>ngrok&apos;s request list is larger than HookScope reads (%1 MiB); nothing was recovered from it.</source>
        <translation>La liste des requêtes de ngrok dépasse ce que HookScope lit (%1 Mio)&#xa0;; rien n&apos;en a été récupéré.</translation>
    </message>
</context>
<context>
    <name>NgrokRequests</name>
    <message>
        <source>ngrok request %1 (no id): %2</source>
        <translation>requête ngrok %1 (sans id)&#xa0;: %2</translation>
    </message>
    <message>
        <source>ngrok request %1: %2</source>
        <translation>requête ngrok %1&#xa0;: %2</translation>
    </message>
    <message>
        <source>not a JSON object</source>
        <translation>pas un objet JSON</translation>
    </message>
    <message>
        <source>no usable id, so it could not be recovered only once</source>
        <translation>pas d&apos;id utilisable, impossible donc de garantir qu&apos;elle ne soit récupérée qu&apos;une fois</translation>
    </message>
    <message>
        <source>its start is not an RFC 3339 time</source>
        <translation>son start n&apos;est pas une heure RFC 3339</translation>
    </message>
    <message>
        <source>it has no request.raw</source>
        <translation>elle n&apos;a pas de request.raw</translation>
    </message>
    <message>
        <source>its request is larger than HookScope accepts (%1 MiB)</source>
        <translation>sa requête dépasse ce que HookScope accepte (%1 Mio)</translation>
    </message>
    <message>
        <source>its request.raw is not base64</source>
        <translation>son request.raw n&apos;est pas du base64</translation>
    </message>
    <message>
        <source>its response is neither an object nor null</source>
        <translation>sa response n&apos;est ni un objet ni null</translation>
    </message>
    <message>
        <source>its response has no status_code</source>
        <translation>sa response n&apos;a pas de status_code</translation>
    </message>
    <message>
        <source>ngrok&apos;s request list is %1 MiB, more than HookScope reads (%2 MiB).</source>
        <translation>La liste des requêtes de ngrok fait %1 Mio, plus que ce que HookScope lit (%2 Mio).</translation>
    </message>
    <message>
        <source>ngrok&apos;s answer to /api/requests/http is not a request list: %1</source>
        <translation>La réponse de ngrok à /api/requests/http n&apos;est pas une liste de requêtes&#xa0;: %1</translation>
    </message>
    <message>
        <source>it has no &quot;requests&quot; array</source>
        <translation>elle n&apos;a pas de tableau «&#xa0;requests&#xa0;»</translation>
    </message>
    <message>
        <source>ngrok lists %1 requests; HookScope reads the first %2.</source>
        <translation>ngrok liste %1 requêtes&#xa0;; HookScope lit les %2 premières.</translation>
    </message>
    <message>
        <source>ngrok request %1: its raw bytes are not a request HookScope accepts (%2).</source>
        <translation>requête ngrok %1&#xa0;: ses octets bruts ne sont pas une requête que HookScope accepte (%2).</translation>
    </message>
    <message>
        <source>ngrok request %1: its raw bytes hold an incomplete HTTP request.</source>
        <translation>requête ngrok %1&#xa0;: ses octets bruts contiennent une requête HTTP incomplète.</translation>
    </message>
</context>
<context>
    <name>NgrokWatcher</name>
    <message>
        <source>The ngrok tunnel to port %1 went away: the agent at %2 does not answer.</source>
        <translation>Le tunnel ngrok vers le port %1 a disparu&#xa0;: l&apos;agent sur %2 ne répond pas.</translation>
    </message>
    <message>
        <source>No ngrok agent at %1: run `ngrok http %2`, or paste your public URL.</source>
        <translation>Aucun agent ngrok sur %1&#xa0;: lancez `ngrok http %2`, ou collez votre URL publique.</translation>
    </message>
    <message>
        <source>The ngrok tunnel to port %1 went away.</source>
        <translation>Le tunnel ngrok vers le port %1 a disparu.</translation>
    </message>
    <message>
        <source>ngrok runs, but no https tunnel points at port %1: run `ngrok http %1`.</source>
        <translation>ngrok tourne, mais aucun tunnel https ne pointe vers le port %1&#xa0;: lancez `ngrok http %1`.</translation>
    </message>
    <message>
        <source>ngrok tunnel found: %1</source>
        <translation>Tunnel ngrok trouvé&#xa0;: %1</translation>
    </message>
</context>
<context>
    <name>Notifier</name>
    <message>
        <source>1 delivery with findings</source>
        <translation>1 livraison avec constats</translation>
    </message>
    <message>
        <source>%1 deliveries with findings</source>
        <translation>%1 livraisons avec constats</translation>
    </message>
    <message>
        <source>1 conflicting duplicate</source>
        <translation>1 doublon contradictoire</translation>
    </message>
    <message>
        <source>%1 conflicting duplicates</source>
        <translation>%1 doublons contradictoires</translation>
    </message>
    <message>
        <source>1 failed forward</source>
        <translation>1 transfert en échec</translation>
    </message>
    <message>
        <source>%1 failed forwards</source>
        <translation>%1 transferts en échec</translation>
    </message>
    <message>
        <source>Hoox gave up on 1 webhook</source>
        <translation>Hoox a abandonné 1 webhook</translation>
    </message>
    <message>
        <source>Hoox gave up on %1 webhooks</source>
        <translation>Hoox a abandonné %1 webhooks</translation>
    </message>
    <message>
        <source>, </source>
        <translation>, </translation>
    </message>
    <message>
        <source>HookScope</source>
        <translation>HookScope</translation>
    </message>
</context>
<context>
    <name>PayloadView</name>
    <message>
        <source>Pretty</source>
        <translation>Formaté</translation>
    </message>
    <message>
        <source>Find in payload (Enter: next, Shift+Enter: previous)</source>
        <translation>Chercher dans la charge utile (Entrée&#xa0;: suivant, Maj+Entrée&#xa0;: précédent)</translation>
    </message>
    <message>
        <source>Show all</source>
        <translation>Tout afficher</translation>
    </message>
    <message>
        <source>Previous page</source>
        <translation>Page précédente</translation>
    </message>
    <message>
        <source>Next page</source>
        <translation>Page suivante</translation>
    </message>
    <message>
        <source>Copy pretty</source>
        <translation>Copier formaté</translation>
    </message>
    <message>
        <source>Copy the formatted text; Ctrl+C copies the bytes as received</source>
        <translation>Copier le texte formaté&#xa0;; Ctrl+C copie les octets tels que reçus</translation>
    </message>
    <message>
        <source>Tree</source>
        <translation>Arbre</translation>
    </message>
    <message>
        <source>Headers</source>
        <translation>En-têtes</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Valeur</translation>
    </message>
    <message>
        <source>Raw</source>
        <translation>Brut</translation>
    </message>
    <message>
        <source>Findings</source>
        <translation>Constats</translation>
    </message>
    <message>
        <source>Show long strings whole instead of their beginning</source>
        <translation>Afficher les longues chaînes en entier plutôt que leur début</translation>
    </message>
    <message>
        <source>Copy value</source>
        <translation>Copier la valeur</translation>
    </message>
    <message>
        <source>Copy JSON path</source>
        <translation>Copier le chemin JSON</translation>
    </message>
    <message>
        <source>Select a capture to see its payload.</source>
        <translation>Sélectionnez une capture pour voir sa charge utile.</translation>
    </message>
    <message>
        <source>not answered</source>
        <translation>sans réponse</translation>
    </message>
    <message>
        <source>answered %1</source>
        <translation>a répondu %1</translation>
    </message>
    <message>
        <source>#%1 · %2 %3 · from %4 at %5 · %6</source>
        <translation>#%1 · %2 %3 · de %4 à %5 · %6</translation>
    </message>
    <message>
        <source>Findings (%1)</source>
        <translation>Constats (%1)</translation>
    </message>
    <message>
        <source>duplicate key: receivers disagree which one wins</source>
        <translation>clé en double&#xa0;: les récepteurs divergent sur celle qui l&apos;emporte</translation>
    </message>
    <message>
        <source>Page %1</source>
        <translation>Page %1</translation>
    </message>
    <message>
        <source>Not JSON (%1): shown as received.</source>
        <translation>Pas du JSON (%1)&#xa0;: affiché tel que reçu.</translation>
    </message>
    <message>
        <source>Not JSON from here on: %1</source>
        <translation>Pas du JSON à partir d&apos;ici&#xa0;: %1</translation>
    </message>
    <message>
        <source>⚠ Marked lines repeat a key: receivers disagree which one wins.</source>
        <translation>⚠ Les lignes marquées répètent une clé&#xa0;: les récepteurs divergent sur celle qui l&apos;emporte.</translation>
    </message>
    <message>
        <source>%1 (trailer)</source>
        <translation>%1 (trailer)</translation>
    </message>
    <message>
        <source>
… %1 more bytes</source>
        <translation>
… %1 octets de plus</translation>
    </message>
    <message>
        <source>No findings: this delivery keeps the Hoox contract.</source>
        <translation>Aucun constat&#xa0;: cette livraison respecte le contrat Hoox.</translation>
    </message>
    <message>
        <source>Locating where parsing stopped…</source>
        <translation>Recherche de l&apos;endroit où l&apos;analyse s&apos;est arrêtée…</translation>
    </message>
    <message>
        <source>Forward: %1</source>
        <translation>Transfert&#xa0;: %1</translation>
    </message>
    <message>
        <source>Not found</source>
        <translation>Introuvable</translation>
    </message>
    <message>
        <source>Reading #%1 from the journal…</source>
        <translation>Lecture de #%1 depuis le journal…</translation>
    </message>
    <message>
        <source>⚠ Conflicts with #%1: compare…</source>
        <translation>⚠ Contredit #%1&#xa0;: comparer…</translation>
    </message>
    <message>
        <source>Same key as #%1, another outcome: receivers disagree on which delivery of a key wins. Opens both in the Diff tab.</source>
        <translation>Même clé que #%1, autre issue&#xa0;: les destinataires ne s&apos;accordent pas sur la livraison d&apos;une clé qui l&apos;emporte. Ouvre les deux dans l&apos;onglet Diff.</translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <source>Preferences</source>
        <translation>Préférences</translation>
    </message>
    <message>
        <source>Listener</source>
        <translation>Écoute</translation>
    </message>
    <message>
        <source>&amp;Port:</source>
        <translation>&amp;Port&#xa0;:</translation>
    </message>
    <message>
        <source>Any free port</source>
        <translation>N&apos;importe quel port libre</translation>
    </message>
    <message>
        <source>Where HookScope listens when it starts. ngrok forwards to this port.</source>
        <translation>Où HookScope écoute au démarrage. ngrok transfère vers ce port.</translation>
    </message>
    <message>
        <source>&amp;Bind address:</source>
        <translation>&amp;Adresse d&apos;écoute&#xa0;:</translation>
    </message>
    <message>
        <source>127.0.0.1</source>
        <translation>127.0.0.1</translation>
    </message>
    <message>
        <source>Only 127.0.0.1 (or ::1) keeps other machines out; ngrok reaches it.</source>
        <translation>Seule 127.0.0.1 (ou ::1) tient les autres machines à l&apos;écart&#xa0;; ngrok l&apos;atteint.</translation>
    </message>
    <message>
        <source>Answer &amp;status:</source>
        <translation>&amp;Statut de réponse&#xa0;:</translation>
    </message>
    <message>
        <source>Any status other than 2xx makes Hoox retry the delivery.</source>
        <translation>Tout statut autre que 2xx fait réessayer la livraison par Hoox.</translation>
    </message>
    <message>
        <source>Answer b&amp;ody:</source>
        <translation>C&amp;orps de réponse&#xa0;:</translation>
    </message>
    <message>
        <source>Answer &amp;delay:</source>
        <translation>&amp;Délai de réponse&#xa0;:</translation>
    </message>
    <message>
        <source> ms</source>
        <translation> ms</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Aucun</translation>
    </message>
    <message>
        <source>Hoox gives up on an answer after 10 s and retries.</source>
        <translation>Hoox abandonne une réponse après 10 s et réessaie.</translation>
    </message>
    <message>
        <source>Other machines can send requests to this address.</source>
        <translation>D&apos;autres machines peuvent envoyer des requêtes à cette adresse.</translation>
    </message>
    <message>
        <source>Limits</source>
        <translation>Limites</translation>
    </message>
    <message>
        <source>Request &amp;target:</source>
        <translation>&amp;Cible de la requête&#xa0;:</translation>
    </message>
    <message>
        <source> KiB</source>
        <translation> Kio</translation>
    </message>
    <message>
        <source>Longer request targets are answered 414.</source>
        <translation>Les cibles de requête plus longues reçoivent 414.</translation>
    </message>
    <message>
        <source>&amp;Header section:</source>
        <translation>Section d&apos;&amp;en-têtes&#xa0;:</translation>
    </message>
    <message>
        <source>Larger header sections are answered 431.</source>
        <translation>Les sections d&apos;en-têtes plus grandes reçoivent 431.</translation>
    </message>
    <message>
        <source>Header &amp;fields:</source>
        <translation>Champs d&apos;en-&amp;tête&#xa0;:</translation>
    </message>
    <message>
        <source>More header fields are answered 431.</source>
        <translation>Davantage de champs d&apos;en-tête reçoivent 431.</translation>
    </message>
    <message>
        <source>&amp;Body:</source>
        <translation>Co&amp;rps&#xa0;:</translation>
    </message>
    <message>
        <source> MiB</source>
        <translation> Mio</translation>
    </message>
    <message>
        <source>Larger bodies are answered 413.</source>
        <translation>Les corps plus grands reçoivent 413.</translation>
    </message>
    <message>
        <source>Request h&amp;ead within:</source>
        <translation>En-tête de re&amp;quête sous&#xa0;:</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>A request head still incomplete by then is answered 408.</source>
        <translation>Un en-tête de requête encore incomplet passé ce délai reçoit 408.</translation>
    </message>
    <message>
        <source>&amp;Idle keep-alive:</source>
        <translation>&amp;Inactivité keep-alive&#xa0;:</translation>
    </message>
    <message>
        <source>An idle connection is closed after this.</source>
        <translation>Une connexion inactive est fermée passé ce délai.</translation>
    </message>
    <message>
        <source>&amp;Connections:</source>
        <translation>Co&amp;nnexions&#xa0;:</translation>
    </message>
    <message>
        <source>Connections past this are answered 503.</source>
        <translation>Les connexions au-delà reçoivent 503.</translation>
    </message>
    <message>
        <source>Captures</source>
        <translation>Captures</translation>
    </message>
    <message>
        <source>&amp;Keep at most:</source>
        <translation>&amp;Garder au plus&#xa0;:</translation>
    </message>
    <message>
        <source> captures</source>
        <translation> captures</translation>
    </message>
    <message>
        <source>Every capture</source>
        <translation>Toutes les captures</translation>
    </message>
    <message>
        <source>Keep &amp;for:</source>
        <translation>Conser&amp;ver pendant&#xa0;:</translation>
    </message>
    <message>
        <source> days</source>
        <translation> jours</translation>
    </message>
    <message>
        <source>Ever</source>
        <translation>Toujours</translation>
    </message>
    <message>
        <source>&amp;Answer only once a delivery is on disk</source>
        <translation>Répondre seu&amp;lement une fois la livraison sur disque</translation>
    </message>
    <message>
        <source>Each answer waits for the sync of its journal record (one sync for the deliveries that arrive together), so a power cut loses nothing that was answered. Off: faster ingest, but only safe against HookScope being killed.</source>
        <translation>Chaque réponse attend la synchronisation de son enregistrement dans le journal (une synchronisation pour les livraisons qui arrivent ensemble)&#xa0;: une coupure de courant ne perd rien de ce qui a reçu une réponse. Désactivé&#xa0;: ingestion plus rapide, mais protégé seulement contre l&apos;arrêt forcé de HookScope.</translation>
    </message>
    <message>
        <source>Delivery</source>
        <translation>Livraison</translation>
    </message>
    <message>
        <source>&amp;Target URL:</source>
        <translation>&amp;URL cible&#xa0;:</translation>
    </message>
    <message>
        <source>http://localhost:3000/webhook/hoox</source>
        <translation>http://localhost:3000/webhook/hoox</translation>
    </message>
    <message>
        <source>Where resent and forwarded deliveries go: your own app.</source>
        <translation>Où vont les livraisons renvoyées et transférées&#xa0;: votre propre application.</translation>
    </message>
    <message>
        <source>The bind address needs an IP address such as 127.0.0.1 or ::1.</source>
        <translation>L&apos;adresse d&apos;écoute doit être une adresse IP comme 127.0.0.1 ou ::1.</translation>
    </message>
    <message>
        <source>The delivery target needs an http:// or https:// URL, such as http://localhost:3000/webhook/hoox.</source>
        <translation>La cible de livraison doit être une URL http:// ou https://, comme http://localhost:3000/webhook/hoox.</translation>
    </message>
    <message>
        <source>Notifications</source>
        <translation>Notifications</translation>
    </message>
    <message>
        <source>While HookScope&apos;s window is not the active one, a desktop notification says what arrived, at most one every 5 s. Clicking it shows the newest such capture.</source>
        <translation>Tant que la fenêtre de HookScope n&apos;est pas active, une notification de bureau dit ce qui est arrivé, au plus une toutes les 5 s. Un clic montre la capture la plus récente concernée.</translation>
    </message>
    <message>
        <source>Deliveries with &amp;findings</source>
        <translation>Livraisons avec &amp;constats</translation>
    </message>
    <message>
        <source>A delivery that breaks the Hoox contract: not JSON, a missing field, an unknown task, a wrong header.</source>
        <translation>Une livraison qui enfreint le contrat Hoox&#xa0;: pas du JSON, un champ manquant, une task inconnue, un en-tête erroné.</translation>
    </message>
    <message>
        <source>&amp;Conflicting duplicates</source>
        <translation>&amp;Doublons contradictoires</translation>
    </message>
    <message>
        <source>A delivery with the same key as an earlier one, but a different status or result.</source>
        <translation>Une livraison de même clé qu&apos;une précédente, mais d&apos;un autre statut ou résultat.</translation>
    </message>
    <message>
        <source>Failed live f&amp;orwards</source>
        <translation>&amp;Transferts en direct en échec</translation>
    </message>
    <message>
        <source>Your app answered a forwarded delivery with other than 2xx, not at all, or later than Hoox waits (10 s).</source>
        <translation>Votre application a répondu à une livraison transférée autrement que 2xx, pas du tout, ou plus tard que Hoox n&apos;attend (10 s).</translation>
    </message>
    <message>
        <source>Webhooks &amp;Hoox gave up on</source>
        <translation>Webhooks abandonnés par &amp;Hoox</translation>
    </message>
    <message>
        <source>Hoox&apos;s last retry was not answered 2xx in time: that job&apos;s webhook will not come again.</source>
        <translation>La dernière nouvelle tentative de Hoox n&apos;a pas reçu de 2xx à temps&#xa0;: le webhook de ce job ne reviendra pas.</translation>
    </message>
    <message>
        <source>This desktop has no system tray: notifications cannot be shown.</source>
        <translation>Ce bureau n&apos;a pas de zone de notification&#xa0;: les notifications ne peuvent pas s&apos;afficher.</translation>
    </message>
</context>
<context>
    <name>Query</name>
    <message>
        <source>column %1: %2</source>
        <translation>colonne %1&#xa0;: %2</translation>
    </message>
    <message>
        <source>this quote is never closed: expected a closing &quot;</source>
        <translation>ce guillemet n&apos;est jamais fermé&#xa0;: un &quot; fermant était attendu</translation>
    </message>
    <message>
        <source>unexpected &quot;)&quot;: no &quot;(&quot; is open</source>
        <translation>«&#xa0;)&#xa0;» inattendu&#xa0;: aucune «&#xa0;(&#xa0;» n&apos;est ouverte</translation>
    </message>
    <message>
        <source>expected a term after OR</source>
        <translation>un terme était attendu après OR</translation>
    </message>
    <message>
        <source>expected a term before OR</source>
        <translation>un terme était attendu avant OR</translation>
    </message>
    <message>
        <source>expected a term before &quot;)&quot;</source>
        <translation>un terme était attendu avant «&#xa0;)&#xa0;»</translation>
    </message>
    <message>
        <source>expected a term</source>
        <translation>un terme était attendu</translation>
    </message>
    <message>
        <source>nested too deeply: at most %1 groups and negations</source>
        <translation>imbrication trop profonde&#xa0;: %1 groupes et négations au plus</translation>
    </message>
    <message>
        <source>expected a term or a group right after &quot;-&quot;</source>
        <translation>un terme ou un groupe était attendu juste après «&#xa0;-&#xa0;»</translation>
    </message>
    <message>
        <source>expected a term inside &quot;()&quot;</source>
        <translation>un terme était attendu dans «&#xa0;()&#xa0;»</translation>
    </message>
    <message>
        <source>expected &quot;)&quot; to close the &quot;(&quot; at column %1</source>
        <translation>«&#xa0;)&#xa0;» était attendu pour fermer la «&#xa0;(&#xa0;» de la colonne %1</translation>
    </message>
    <message>
        <source>a status such as 502, a class such as 5xx, or a comparison such as &gt;=500</source>
        <translation>un statut comme 502, une classe comme 5xx, ou une comparaison comme &gt;=500</translation>
    </message>
    <message>
        <source>a number or a comparison such as &gt;1, &gt;=2, &lt;3, &lt;=3 or =1</source>
        <translation>un nombre ou une comparaison comme &gt;1, &gt;=2, &lt;3, &lt;=3 ou =1</translation>
    </message>
    <message>
        <source>yes or no</source>
        <translation>yes ou no</translation>
    </message>
    <message>
        <source>NAME=VALUE or NAME~TEXT, such as x-hoox-webhook=true or user-agent~Hoox</source>
        <translation>NOM=VALEUR ou NOM~TEXTE, comme x-hoox-webhook=true ou user-agent~Hoox</translation>
    </message>
    <message>
        <source>a duration such as 30s, 10m, 2h or 1d, or a date and time such as 2026-03-01T12:00</source>
        <translation>une durée comme 30s, 10m, 2h ou 1d, ou une date et heure comme 2026-03-01T12:00</translation>
    </message>
    <message>
        <source>a value, such as task:avatar_*</source>
        <translation>une valeur, comme task:avatar_*</translation>
    </message>
    <message>
        <source>invalid regular expression: %1</source>
        <translation>expression régulière invalide&#xa0;: %1</translation>
    </message>
    <message>
        <source>unknown field &quot;%1&quot;; the fields are: %2</source>
        <translation>champ inconnu «&#xa0;%1&#xa0;»&#xa0;; les champs sont&#xa0;: %2</translation>
    </message>
    <message>
        <source>%1: needs %2</source>
        <translation>%1&#xa0;: attend %2</translation>
    </message>
    <message>
        <source>%1: takes %2, not a regular expression</source>
        <translation>%1&#xa0;: prend %2, pas une expression régulière</translation>
    </message>
    <message>
        <source>%1: needs %2, not &quot;%3&quot;</source>
        <translation>%1&#xa0;: attend %2, pas «&#xa0;%3&#xa0;»</translation>
    </message>
    <message>
        <source>header: needs %1</source>
        <translation>header: attend %1</translation>
    </message>
    <message>
        <source>body.PATH: a path such as body.result.cost has no empty steps, not &quot;%1&quot;</source>
        <translation>body.CHEMIN&#xa0;: un chemin comme body.result.cost n&apos;a pas d&apos;étape vide, pas «&#xa0;%1&#xa0;»</translation>
    </message>
    <message>
        <source>%1: expected a number after the comparison, not &quot;%2&quot;</source>
        <translation>%1&#xa0;: un nombre était attendu après la comparaison, pas «&#xa0;%2&#xa0;»</translation>
    </message>
    <message>
        <source>since: needs %1, not &quot;%2&quot;</source>
        <translation>since: attend %1, pas «&#xa0;%2&#xa0;»</translation>
    </message>
</context>
<context>
    <name>ReplayDialog</name>
    <message>
        <source>Replay captures</source>
        <translation>Rejouer des captures</translation>
    </message>
    <message>
        <source>Sends captured deliveries to your app again, at their original spacing, with chaos for idempotency testing that a seed reproduces.</source>
        <translation>Renvoie des livraisons capturées à votre application, avec leur espacement d&apos;origine, et du chaos pour tester l&apos;idempotence, reproductible par une graine.</translation>
    </message>
    <message>
        <source>&amp;Target:</source>
        <translation>&amp;Cible&#xa0;:</translation>
    </message>
    <message>
        <source>http://localhost:3000/webhook/hoox</source>
        <translation>http://localhost:3000/webhook/hoox</translation>
    </message>
    <message>
        <source>Your app&apos;s URL, http:// or https://.</source>
        <translation>L&apos;URL de votre application, http:// ou https://.</translation>
    </message>
    <message>
        <source>Captures</source>
        <translation>Captures</translation>
    </message>
    <message>
        <source>&amp;All captures</source>
        <translation>&amp;Toutes les captures</translation>
    </message>
    <message>
        <source>The &amp;selected captures</source>
        <translation>Les captures &amp;sélectionnées</translation>
    </message>
    <message>
        <source>&amp;Matching:</source>
        <translation>Corres&amp;pondant à&#xa0;:</translation>
    </message>
    <message>
        <source>task:avatar_* status:failed</source>
        <translation>task:avatar_* status:failed</translation>
    </message>
    <message>
        <source>task:, status:, path: with * and ? globs, several separated by spaces; all must match.</source>
        <translation>task:, status:, path: avec les motifs * et ?, plusieurs séparés par des espaces&#xa0;; tous doivent correspondre.</translation>
    </message>
    <message>
        <source>Pacing</source>
        <translation>Cadence</translation>
    </message>
    <message>
        <source>&amp;Original spacing, speed:</source>
        <translation>Espacement d&apos;&amp;origine, vitesse&#xa0;:</translation>
    </message>
    <message>
        <source>The gaps between the captures as they arrived, divided by the speed.</source>
        <translation>Les écarts entre les captures à leur arrivée, divisés par la vitesse.</translation>
    </message>
    <message>
        <source>×</source>
        <translation>×</translation>
    </message>
    <message>
        <source>2 is twice as fast, 0.5 half as fast.</source>
        <translation>2 est deux fois plus rapide, 0,5 deux fois plus lent.</translation>
    </message>
    <message>
        <source>&amp;Back to back</source>
        <translation>À la s&amp;uite</translation>
    </message>
    <message>
        <source>Each as soon as the one before was answered.</source>
        <translation>Chacune dès que la précédente a reçu sa réponse.</translation>
    </message>
    <message>
        <source>Retry like &amp;Hoox (after 1 s, 2 s and 4 s)</source>
        <translation>Réessayer comme &amp;Hoox (après 1 s, 2 s et 4 s)</translation>
    </message>
    <message>
        <source>A delivery not answered 2xx within 10 s is sent again, at most 3 times; else each is sent once.</source>
        <translation>Une livraison sans réponse 2xx sous 10 s est renvoyée, 3 fois au plus&#xa0;; sinon chacune est envoyée une fois.</translation>
    </message>
    <message>
        <source>Chaos, for idempotency testing</source>
        <translation>Chaos, pour tester l&apos;idempotence</translation>
    </message>
    <message>
        <source>&amp;Duplicate:</source>
        <translation>&amp;Dupliquer&#xa0;:</translation>
    </message>
    <message>
        <source> %</source>
        <translation> %</translation>
    </message>
    <message>
        <source>This share of deliveries is sent a second time, right after the first.</source>
        <translation>Cette part des livraisons est envoyée une seconde fois, juste après la première.</translation>
    </message>
    <message>
        <source>&amp;Reorder within:</source>
        <translation>&amp;Mélanger par paquets de&#xa0;:</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>Non</translation>
    </message>
    <message>
        <source> deliveries</source>
        <translation> livraisons</translation>
    </message>
    <message>
        <source>Shuffle the deliveries within windows of this many (2 or more); their time slots stay.</source>
        <translation>Mélanger les livraisons par paquets de cette taille (2 ou plus)&#xa0;; leurs créneaux horaires restent.</translation>
    </message>
    <message>
        <source>Dr&amp;op:</source>
        <translation>Omett&amp;re&#xa0;:</translation>
    </message>
    <message>
        <source>This share of deliveries is left out.</source>
        <translation>Cette part des livraisons est laissée de côté.</translation>
    </message>
    <message>
        <source>S&amp;eed:</source>
        <translation>&amp;Graine&#xa0;:</translation>
    </message>
    <message>
        <source>The same seed and options give the same duplicates, order and drops.</source>
        <translation>La même graine et les mêmes options donnent les mêmes doublons, le même ordre et les mêmes omissions.</translation>
    </message>
    <message>
        <source>&amp;New seed</source>
        <translation>&amp;Nouvelle graine</translation>
    </message>
    <message>
        <source>&amp;Start</source>
        <translation>&amp;Lancer</translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation>&amp;Annuler</translation>
    </message>
    <message>
        <source>%v of %m</source>
        <translation>%v sur %m</translation>
    </message>
    <message>
        <source>the target</source>
        <translation>la cible</translation>
    </message>
    <message>
        <source>  and %1 more not delivered, marked in the list above</source>
        <translation>  et %1 autres non livrées, marquées dans la liste ci-dessus</translation>
    </message>
    <message>
        <source>The &amp;selected captures (%1)</source>
        <translation>Les captures &amp;sélectionnées (%1)</translation>
    </message>
    <message>
        <source>The &amp;selected captures (none selected)</source>
        <translation>Les captures &amp;sélectionnées (aucune sélectionnée)</translation>
    </message>
    <message>
        <source>Write a filter such as task:avatar_* status:failed, or choose All captures.</source>
        <translation>Écrivez un filtre comme task:avatar_* status:failed, ou choisissez Toutes les captures.</translation>
    </message>
    <message>
        <source>The filter &quot;%1&quot;: %2</source>
        <translation>Le filtre «&#xa0;%1&#xa0;»&#xa0;: %2</translation>
    </message>
    <message>
        <source>The seed needs a whole number from 0 to 4294967295, not &quot;%1&quot;.</source>
        <translation>La graine doit être un nombre entier de 0 à 4294967295, pas «&#xa0;%1&#xa0;».</translation>
    </message>
    <message>
        <source>The target needs an http:// or https:// URL such as http://localhost:3000/webhook/hoox, not &quot;%1&quot;.</source>
        <translation>La cible doit être une URL http:// ou https:// comme http://localhost:3000/webhook/hoox, pas «&#xa0;%1&#xa0;».</translation>
    </message>
    <message>
        <source>The speed needs a factor above 0, such as 2 (twice as fast) or 0.5, not &quot;%1&quot;; Back to back sends without pauses.</source>
        <translation>La vitesse doit être un facteur supérieur à 0, comme 2 (deux fois plus rapide) ou 0.5, pas «&#xa0;%1&#xa0;»&#xa0;; À la suite envoie sans pause.</translation>
    </message>
    <message>
        <source>Nothing to replay: none of the selected captures could be read back.</source>
        <translation>Rien à rejouer&#xa0;: aucune des captures sélectionnées n&apos;a pu être relue.</translation>
    </message>
    <message>
        <source>Nothing to replay: no capture matches the filter &quot;%1&quot;.</source>
        <translation>Rien à rejouer&#xa0;: aucune capture ne correspond au filtre «&#xa0;%1&#xa0;».</translation>
    </message>
    <message>
        <source>Nothing to replay: there are no captures yet.</source>
        <translation>Rien à rejouer&#xa0;: il n&apos;y a pas encore de capture.</translation>
    </message>
    <message>
        <source>Reading the captures…</source>
        <translation>Lecture des captures…</translation>
    </message>
    <message>
        <source>Cancelled before sending anything.</source>
        <translation>Annulé avant tout envoi.</translation>
    </message>
    <message>
        <source>all dropped</source>
        <translation>toutes omises</translation>
    </message>
</context>
<context>
    <name>ReplayText</name>
    <message>
        <source>Replaying %1 deliveries of %2 captures to %3 (seed %4).</source>
        <translation>Rejeu de %1 livraisons de %2 captures vers %3 (graine %4).</translation>
    </message>
    <message>
        <source> (again)</source>
        <translation> (à nouveau)</translation>
    </message>
    <message>
        <source> after %1 attempts</source>
        <translation> après %1 tentatives</translation>
    </message>
    <message>
        <source>%1 sent, %2 answered 2xx, %3 not, %4 timed out; %5 dropped, %6 duplicated on purpose (seed %7)%8</source>
        <translation>%1 envoyées, %2 avec réponse 2xx, %3 sans, %4 hors délai&#xa0;; %5 omises, %6 dupliquées exprès (graine %7)%8</translation>
    </message>
    <message>
        <source>; cancelled</source>
        <translation>&#xa0;; annulé</translation>
    </message>
    <message>
        <source>  not delivered: %1</source>
        <translation>  non livrée&#xa0;: %1</translation>
    </message>
    <message>
        <source>Nothing reached your app (%1): is it running, and is %2 its URL?</source>
        <translation>Rien n&apos;a atteint votre application (%1)&#xa0;: tourne-t-elle, et %2 est-elle bien son URL&#xa0;?</translation>
    </message>
</context>
<context>
    <name>ResendPanel</name>
    <message>
        <source>Deliver</source>
        <translation>Livrer</translation>
    </message>
    <message>
        <source>Where deliveries and forwards go: your app&apos;s webhook endpoint.</source>
        <translation>Où vont les livraisons et les transferts&#xa0;: le point de terminaison de webhooks de votre application.</translation>
    </message>
    <message>
        <source>A sample Hoox payload for each task and outcome.</source>
        <translation>Un exemple de charge utile Hoox pour chaque tâche et chaque issue.</translation>
    </message>
    <message>
        <source>Put the sample in the body editor, with fresh ids.</source>
        <translation>Placer l&apos;exemple dans l&apos;éditeur de corps, avec de nouveaux identifiants.</translation>
    </message>
    <message>
        <source>Like `stripe listen --forward-to`: each delivery HookScope receives is sent on to your app as it arrives.</source>
        <translation>Comme `stripe listen --forward-to`&#xa0;: chaque livraison que HookScope reçoit est transmise à votre application dès son arrivée.</translation>
    </message>
    <message>
        <source>With the app&apos;s answer, a failing app makes Hoox retry.</source>
        <translation>Avec la réponse de l&apos;application, une application en échec fait réessayer Hoox.</translation>
    </message>
    <message>
        <source>Answer Hoox at once with the rule&apos;s answer and keep each forward in the Held list until you release it: a handler paused at a breakpoint no longer makes Hoox time out and retry. Held forwards survive a restart.</source>
        <translation>Répondre tout de suite à Hoox avec la réponse de la règle et garder chaque transfert dans la liste des retenus jusqu&apos;à sa libération&#xa0;: un gestionnaire arrêté sur un point d&apos;arrêt ne fait plus expirer le délai de Hoox ni réessayer. Les transferts retenus survivent à un redémarrage.</translation>
    </message>
    <message>
        <source>Header</source>
        <translation>En-tête</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Valeur</translation>
    </message>
    <message>
        <source>The payload: select a capture or use a template.</source>
        <translation>La charge utile&#xa0;: sélectionnez une capture ou utilisez un modèle.</translation>
    </message>
    <message>
        <source>Delivery</source>
        <translation>Livraison</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Heure</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <source>Latency</source>
        <translation>Latence</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Erreur</translation>
    </message>
    <message>
        <source>Select an attempt to see what the app answered.</source>
        <translation>Sélectionnez une tentative pour voir ce que l&apos;application a répondu.</translation>
    </message>
    <message>
        <source>Retry after 1 s, 2 s and 4 s until the app answers 2xx within 10 s.</source>
        <translation>Réessayer après 1 s, 2 s et 4 s jusqu&apos;à ce que l&apos;application réponde 2xx sous 10 s.</translation>
    </message>
    <message>
        <source>The same payload again and again: does your app handle duplicates?</source>
        <translation>La même charge utile encore et encore&#xa0;: votre application gère-t-elle les doublons&#xa0;?</translation>
    </message>
    <message>
        <source>line %1, column %2</source>
        <translation>ligne %1, colonne %2</translation>
    </message>
    <message>
        <source>Answer Hoox with the app&apos;s answer</source>
        <translation>Répondre à Hoox avec la réponse de l&apos;application</translation>
    </message>
    <message>
        <source>Always answer per the rule (200)</source>
        <translation>Toujours répondre selon la règle (200)</translation>
    </message>
    <message>
        <source>#%1 %2</source>
        <translation>#%1 %2</translation>
    </message>
    <message>
        <source>Routes: %1 (from the command line)</source>
        <translation>Routes&#xa0;: %1 (depuis la ligne de commande)</translation>
    </message>
    <message>
        <source>The first route that matches a delivery chooses where it goes; the others go to the target.
%1</source>
        <translation>La première route qui correspond à une livraison choisit sa destination&#xa0;; les autres vont à la cible.
%1</translation>
    </message>
    <message>
        <source>Forwarding by route only</source>
        <translation>Transfert par route uniquement</translation>
    </message>
    <message>
        <source>Forwarding to %1</source>
        <translation>Transfert vers %1</translation>
    </message>
    <message>
        <source>; each forward is held until you release it</source>
        <translation>&#xa0;; chaque transfert est retenu jusqu&apos;à sa libération</translation>
    </message>
    <message>
        <source>Forwarding needs an http:// or https:// target.</source>
        <translation>Le transfert demande une cible http:// ou https://.</translation>
    </message>
    <message>
        <source>Valid JSON.</source>
        <translation>JSON valide.</translation>
    </message>
    <message>
        <source>Invalid JSON at %1: %2</source>
        <translation>JSON invalide à %1&#xa0;: %2</translation>
    </message>
    <message>
        <source>The target must be an http:// or https:// URL.</source>
        <translation>La cible doit être une URL http:// ou https://.</translation>
    </message>
    <message>
        <source>once</source>
        <translation>une fois</translation>
    </message>
    <message>
        <source>like Hoox</source>
        <translation>comme Hoox</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 sur %2</translation>
    </message>
    <message>
        <source>capture #%1</source>
        <translation>capture #%1</translation>
    </message>
    <message>
        <source>sending…</source>
        <translation>envoi…</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>Delivered %1 of %2.</source>
        <translation>%1 sur %2 livrées.</translation>
    </message>
    <message>
        <source>[cut at %1 KiB]</source>
        <translation>[coupé à %1 Kio]</translation>
    </message>
    <message>
        <source>Tar&amp;get:</source>
        <translation>&amp;Cible&#xa0;:</translation>
    </message>
    <message>
        <source>Use template</source>
        <translation>Utiliser un modèle</translation>
    </message>
    <message>
        <source>Forward incoming deliveries to the target</source>
        <translation>Transférer les livraisons entrantes vers la cible</translation>
    </message>
    <message>
        <source>Hold forwards</source>
        <translation>Retenir les transferts</translation>
    </message>
    <message>
        <source>Add header</source>
        <translation>Ajouter un en-tête</translation>
    </message>
    <message>
        <source>Remove header</source>
        <translation>Retirer l&apos;en-tête</translation>
    </message>
    <message>
        <source>Which attempt of the delivery: 1, then each retry.</source>
        <translation>Quelle tentative de la livraison&#xa0;: 1, puis chaque nouvelle tentative.</translation>
    </message>
    <message>
        <source>Send once</source>
        <translation>Envoyer une fois</translation>
    </message>
    <message>
        <source>Deliver like Hoox</source>
        <translation>Livrer comme Hoox</translation>
    </message>
    <message>
        <source>Send N times</source>
        <translation>Envoyer N fois</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Delivered %1 of %2 so far</source>
        <translation>%1 sur %2 livrées jusqu&apos;ici</translation>
    </message>
    <message>
        <source>Delivered %1 of %2</source>
        <translation>%1 sur %2 livrées</translation>
    </message>
</context>
<context>
    <name>RetrySchedule</name>
    <message>
        <source>fits Hoox&apos;s 1 s / 2 s / 4 s schedule</source>
        <translation>suit le calendrier de Hoox&#xa0;: 1 s / 2 s / 4 s</translation>
    </message>
    <message>
        <source>sooner than Hoox retries</source>
        <translation>plus tôt que les nouvelles tentatives de Hoox</translation>
    </message>
    <message>
        <source>later than Hoox&apos;s schedule</source>
        <translation>plus tard que le calendrier de Hoox</translation>
    </message>
    <message>
        <source>beyond Hoox&apos;s 3 retries: a resend or another sender</source>
        <translation>au-delà des 3 nouvelles tentatives de Hoox&#xa0;: un renvoi ou un autre expéditeur</translation>
    </message>
</context>
<context>
    <name>SessionEngine</name>
    <message>
        <source>Opening %1</source>
        <translation>Ouverture de %1</translation>
    </message>
    <message>
        <source>Importing %1</source>
        <translation>Importation de %1</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>Impossible de lire %1&#xa0;: %2</translation>
    </message>
    <message>
        <source>Nothing imported from %1: %2</source>
        <translation>Rien n&apos;a été importé de %1&#xa0;: %2</translation>
    </message>
    <message>
        <source>1 entry imported from %1</source>
        <translation>1 entrée importée de %1</translation>
    </message>
    <message>
        <source>%1 entries imported from %2</source>
        <translation>%1 entrées importées de %2</translation>
    </message>
    <message>
        <source>Exporting to %1</source>
        <translation>Exportation vers %1</translation>
    </message>
    <message>
        <source>Nothing to export: this session keeps no captures in view.</source>
        <translation>Rien à exporter&#xa0;: cette session n&apos;a aucune capture affichée.</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>Impossible d&apos;écrire %1&#xa0;: %2</translation>
    </message>
    <message>
        <source>Cannot read the journal %1: %2</source>
        <translation>Impossible de lire le journal %1&#xa0;: %2</translation>
    </message>
    <message numerus="yes">
        <source>Reading %n capture(s)</source>
        <translation>
            <numerusform>Lecture de %n capture</numerusform>
            <numerusform>Lecture de %n captures</numerusform>
        </translation>
    </message>
    <message>
        <source>Exported 1 capture to %1</source>
        <translation>1 capture exportée vers %1</translation>
    </message>
    <message>
        <source>Exported %1 captures to %2</source>
        <translation>%1 captures exportées vers %2</translation>
    </message>
    <message>
        <source>Opening %1 was cancelled.</source>
        <translation>L&apos;ouverture de %1 a été annulée.</translation>
    </message>
</context>
<context>
    <name>SessionMenu</name>
    <message>
        <source>Open journal</source>
        <translation>Ouvrir un journal</translation>
    </message>
    <message>
        <source>HookScope journals (*.hkj);;All files (*)</source>
        <translation>Journaux HookScope (*.hkj);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Importer</translation>
    </message>
    <message>
        <source>HAR or JSON Lines (*.har *.jsonl *.ndjson *.json);;All files (*)</source>
        <translation>HAR ou JSON Lines (*.har *.jsonl *.ndjson *.json);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>Journal: %1</source>
        <translation>Journal&#xa0;: %1</translation>
    </message>
    <message>
        <source>Opened %1</source>
        <translation>%1 ouvert</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exporter</translation>
    </message>
    <message>
        <source>Start a new session instead?</source>
        <translation>Démarrer plutôt une nouvelle session&#xa0;?</translation>
    </message>
</context>
<context>
    <name>StatusLine</name>
    <message>
        <source>Listening on %1:%2</source>
        <translation>À l&apos;écoute sur %1:%2</translation>
    </message>
    <message>
        <source>Not listening</source>
        <translation>Pas à l&apos;écoute</translation>
    </message>
    <message>
        <source>Deliveries are refused with 503 until the journal can be written: %1</source>
        <translation>Les livraisons sont refusées avec 503 tant que le journal ne peut pas être écrit&#xa0;: %1</translation>
    </message>
    <message numerus="yes">
        <source>%Ln capture(s)</source>
        <translation>
            <numerusform>%Ln capture</numerusform>
            <numerusform>%Ln captures</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 deliveries/s</source>
        <translation>%1 livraisons/s</translation>
    </message>
    <message>
        <source>Reading the journal…</source>
        <translation>Lecture du journal…</translation>
    </message>
</context>
<context>
    <name>TableColumns</name>
    <message>
        <source>Move &quot;%1&quot; left</source>
        <translation>Déplacer «&#xa0;%1&#xa0;» à gauche</translation>
    </message>
    <message>
        <source>Move &quot;%1&quot; right</source>
        <translation>Déplacer «&#xa0;%1&#xa0;» à droite</translation>
    </message>
    <message>
        <source>Restore default columns</source>
        <translation>Rétablir les colonnes par défaut</translation>
    </message>
</context>
<context>
    <name>TableFilter</name>
    <message>
        <source>Filtering: %1</source>
        <translation>Filtrage&#xa0;: %1</translation>
    </message>
</context>
<context>
    <name>TimelineChain</name>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <source>%1 h</source>
        <translation>%1 h</translation>
    </message>
    <message>
        <source>accepted</source>
        <translation>acceptée</translation>
    </message>
    <message>
        <source>rejected: Hoox retries</source>
        <translation>rejetée&#xa0;: Hoox réessaie</translation>
    </message>
    <message>
        <source>timed out: no answer within 10 s</source>
        <translation>délai dépassé&#xa0;: pas de réponse sous 10 s</translation>
    </message>
    <message>
        <source>not answered</source>
        <translation>sans réponse</translation>
    </message>
    <message>
        <source>timeout</source>
        <translation>délai dépassé</translation>
    </message>
    <message>
        <source>refused</source>
        <translation>refusée</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>0 s</source>
        <translation>0 s</translation>
    </message>
    <message>
        <source>+%1</source>
        <translation>+%1</translation>
    </message>
    <message>
        <source>refused (no access token)</source>
        <translation>refusée (pas de jeton d&apos;accès)</translation>
    </message>
    <message>
        <source>answered %1</source>
        <translation>a répondu %1</translation>
    </message>
    <message>
        <source>%1, yet Hoox delivered again after %2</source>
        <translation>%1, et pourtant Hoox a relivré après %2</translation>
    </message>
    <message>
        <source>%1: accepted, Hoox stops</source>
        <translation>%1&#xa0;: acceptée, Hoox s&apos;arrête</translation>
    </message>
    <message>
        <source>no answer within 10 s → Hoox retried %1 after its timeout</source>
        <translation>pas de réponse sous 10 s → Hoox a réessayé %1 après son délai</translation>
    </message>
    <message>
        <source>not answered → Hoox retried after %1</source>
        <translation>sans réponse → Hoox a réessayé après %1</translation>
    </message>
    <message>
        <source>not answered: HookScope stopped before it answered</source>
        <translation>sans réponse&#xa0;: HookScope s&apos;est arrêté avant de répondre</translation>
    </message>
    <message>
        <source>%1 → Hoox retried after %2</source>
        <translation>%1 → Hoox a réessayé après %2</translation>
    </message>
    <message>
        <source>%1 → Hoox gives up: its 3 retries are used</source>
        <translation>%1 → Hoox abandonne&#xa0;: ses 3 nouvelles tentatives sont épuisées</translation>
    </message>
    <message>
        <source>%1 → Hoox retries after %2</source>
        <translation>%1 → Hoox réessaie après %2</translation>
    </message>
    <message>
        <source>the delivery</source>
        <translation>la livraison</translation>
    </message>
    <message>
        <source>attempt %1: the ones before are not loaded</source>
        <translation>tentative %1&#xa0;: les précédentes ne sont pas chargées</translation>
    </message>
    <message>
        <source>due 10 s + %1 after the attempt before</source>
        <translation>prévue 10 s + %1 après la tentative précédente</translation>
    </message>
    <message>
        <source>due %1 after the attempt before</source>
        <translation>prévue %1 après la tentative précédente</translation>
    </message>
    <message>
        <source>%1 earlier than Hoox&apos;s schedule (%2)</source>
        <translation>%1 plus tôt que le calendrier de Hoox (%2)</translation>
    </message>
    <message>
        <source>%1 later than Hoox&apos;s schedule (%2)</source>
        <translation>%1 plus tard que le calendrier de Hoox (%2)</translation>
    </message>
    <message>
        <source>%1: on schedule</source>
        <translation>%1&#xa0;: à l&apos;heure prévue</translation>
    </message>
    <message>
        <source>#%1 · attempt %2 · %3</source>
        <translation>#%1 · tentative %2 · %3</translation>
    </message>
    <message>
        <source>HookScope answered %1, too late for Hoox.</source>
        <translation>HookScope a répondu %1, trop tard pour Hoox.</translation>
    </message>
    <message>
        <source>Forwarded: %1</source>
        <translation>Transférée&#xa0;: %1</translation>
    </message>
</context>
<context>
    <name>TimelineView</name>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>Timeline of the key&apos;s attempts</source>
        <translation>Chronologie des tentatives de la clé</translation>
    </message>
    <message>
        <source>Select a capture to see its key&apos;s attempts in time, beside Hoox&apos;s schedule.</source>
        <translation>Sélectionnez une capture pour voir les tentatives de sa clé dans le temps, à côté du calendrier de Hoox.</translation>
    </message>
    <message>
        <source>This capture has no key (job_id, or avatar_id and look_id), so Hoox would not retry it as one.</source>
        <translation>Cette capture n&apos;a pas de clé (job_id, ou avatar_id et look_id)&#xa0;: Hoox ne la réessaierait donc pas comme une seule livraison.</translation>
    </message>
    <message numerus="yes">
        <source>Key %1 · %n attempt(s) shown</source>
        <translation>
            <numerusform>Clé %1 · %n tentative affichée</numerusform>
            <numerusform>Clé %1 · %n tentatives affichées</numerusform>
        </translation>
    </message>
    <message>
        <source>Hoox&apos;s 10 s timeout window (filled: waited out)</source>
        <translation>Fenêtre du délai de 10 s de Hoox (pleine&#xa0;: attendue jusqu&apos;au bout)</translation>
    </message>
    <message>
        <source>when Hoox&apos;s schedule had the retry due</source>
        <translation>quand le calendrier de Hoox prévoyait la nouvelle tentative</translation>
    </message>
    <message>
        <source>≈ shortened</source>
        <translation>≈ raccourci</translation>
    </message>
    <message>
        <source>#%1 · %2 · %3</source>
        <translation>#%1 · %2 · %3</translation>
    </message>
    <message>
        <source>app: %1</source>
        <translation>application&#xa0;: %1</translation>
    </message>
</context>
<context>
    <name>WebhookUrl</name>
    <message>
        <source>No webhook_url yet: run ngrok, or paste its https URL.</source>
        <translation>Pas encore de webhook_url&#xa0;: lancez ngrok, ou collez son URL https.</translation>
    </message>
    <message>
        <source>Not a URL Hoox can call: %1</source>
        <translation>Pas une URL que Hoox peut appeler&#xa0;: %1</translation>
    </message>
    <message>
        <source>Hoox calls http(s) URLs, not %1:</source>
        <translation>Hoox appelle des URL http(s), pas %1:</translation>
    </message>
    <message>
        <source>Hoox cannot reach %1 from the internet: use the URL ngrok gives.</source>
        <translation>Hoox ne peut pas joindre %1 depuis Internet&#xa0;: utilisez l&apos;URL que donne ngrok.</translation>
    </message>
</context>
<context>
    <name>check</name>
    <message>
        <source>hookscope check: delivers what Hoox can send to your endpoint, exactly as Hoox does, and grades each answer: every template, duplicates, out-of-order results, an unknown task, malformed bodies, latency and concurrency.</source>
        <translation>hookscope check&#xa0;: envoie à votre point de terminaison ce que Hoox peut envoyer, exactement comme Hoox, et note chaque réponse&#xa0;: chaque modèle, les doublons, les résultats dans le désordre, une tâche inconnue, les corps malformés, la latence et la concurrence.</translation>
    </message>
    <message>
        <source>Your endpoint, an http:// or https:// URL.</source>
        <translation>Votre point de terminaison, une URL http:// ou https://.</translation>
    </message>
    <message>
        <source>Run only these scenarios or groups (deliveries, duplicates, order, unknown-task, malformed, latency, concurrency, sender), comma-separated.</source>
        <translation>Ne lancer que ces scénarios ou groupes (deliveries, duplicates, order, unknown-task, malformed, latency, concurrency, sender), séparés par des virgules.</translation>
    </message>
    <message>
        <source>Print one JSON object per scenario.</source>
        <translation>Afficher un objet JSON par scénario.</translation>
    </message>
    <message>
        <source>Also write JUnit XML to FILE, for CI.</source>
        <translation>Écrire aussi le XML JUnit dans FILE, pour la CI.</translation>
    </message>
    <message>
        <source>Milliseconds an answer may take (default 10000, Hoox&apos;s).</source>
        <translation>Millisecondes que peut prendre une réponse (10000 par défaut, comme Hoox).</translation>
    </message>
    <message>
        <source>Also expect 401 or 403 to a delivery without X-Hoox-Webhook and to one with a foreign User-Agent.</source>
        <translation>Attendre aussi 401 ou 403 pour une livraison sans X-Hoox-Webhook et pour une autre avec un User-Agent étranger.</translation>
    </message>
    <message>
        <source>--only needs at least one scenario or group.</source>
        <translation>--only attend au moins un scénario ou un groupe.</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>Impossible d&apos;écrire %1&#xa0;: %2</translation>
    </message>
</context>
<context>
    <name>diff</name>
    <message>
        <source>&quot;%1&quot; is not a capture id: give two numbers from the # column, such as hookscope diff 3 4.</source>
        <translation>«&#xa0;%1&#xa0;» n&apos;est pas un id de capture&#xa0;: donnez deux nombres de la colonne #, comme hookscope diff 3 4.</translation>
    </message>
    <message>
        <source>hookscope diff: what differs between two captures of a journal (say, two attempts of one delivery): body fields by JSON path, key order ignored, then the request line and the headers. Exit 0 when they are the same, 1 when they differ, 2 on bad arguments.</source>
        <translation>hookscope diff&#xa0;: ce qui diffère entre deux captures d&apos;un journal (par exemple deux tentatives d&apos;une livraison)&#xa0;: les champs du corps par chemin JSON, sans tenir compte de l&apos;ordre des clés, puis la ligne de requête et les en-têtes. Code de sortie 0 quand elles sont identiques, 1 quand elles diffèrent, 2 pour des arguments invalides.</translation>
    </message>
    <message>
        <source>Journal to read (default %1).</source>
        <translation>Journal à lire (par défaut %1).</translation>
    </message>
    <message>
        <source>Print one JSON object with every change, values whole.</source>
        <translation>Afficher un objet JSON avec chaque changement, valeurs complètes.</translation>
    </message>
    <message>
        <source>Leave out a body path (a JSON Pointer; * and ? match within one step, e.g. /result/*_at) or a header (header:NAME). Repeatable.</source>
        <translation>Écarter un chemin du corps (un JSON Pointer&#xa0;; * et&#xa0;? correspondent à l&apos;intérieur d&apos;une étape, par ex. /result/*_at) ou un en-tête (header:NOM). Répétable.</translation>
    </message>
    <message>
        <source>Count headers that change with every delivery too (Date, X-Request-Id, signatures, ...) and Content-Length, which are otherwise shown but ignored.</source>
        <translation>Compter aussi les en-têtes qui changent à chaque livraison (Date, X-Request-Id, signatures, ...) et Content-Length, sinon affichés mais ignorés.</translation>
    </message>
    <message>
        <source>The earlier capture&apos;s id (# column).</source>
        <translation>L&apos;id de la capture la plus ancienne (colonne #).</translation>
    </message>
    <message>
        <source>The later capture&apos;s id.</source>
        <translation>L&apos;id de la capture la plus récente.</translation>
    </message>
    <message>
        <source>See hookscope diff --help.</source>
        <translation>Voir hookscope diff --help.</translation>
    </message>
    <message numerus="yes">
        <source>Which two captures? hookscope diff --journal PATH A B, with A and B from the # column (%n given).</source>
        <translation>
            <numerusform>Quelles deux captures&#xa0;? hookscope diff --journal PATH A B, avec A et B pris dans la colonne # (%n donnée).</numerusform>
            <numerusform>Quelles deux captures&#xa0;? hookscope diff --journal PATH A B, avec A et B pris dans la colonne # (%n données).</numerusform>
        </translation>
    </message>
    <message>
        <source>it holds no captures</source>
        <translation>il ne contient aucune capture</translation>
    </message>
    <message>
        <source>it holds #%1 to #%2</source>
        <translation>il contient #%1 à #%2</translation>
    </message>
    <message>
        <source>No journal at %1: pass the journal HookScope writes to with --journal PATH (the window&apos;s status bar shows it).</source>
        <translation>Aucun journal à %1&#xa0;: passez le journal dans lequel HookScope écrit avec --journal PATH (la barre d&apos;état de la fenêtre l&apos;indique).</translation>
    </message>
    <message>
        <source>No capture #%1 in %2: %3. Use an id from the # column.</source>
        <translation>Aucune capture #%1 dans %2&#xa0;: %3. Utilisez un id de la colonne #.</translation>
    </message>
    <message>
        <source>Bodies compared as text: #%1 %2, #%3 %4.</source>
        <translation>Corps comparés comme texte&#xa0;: #%1 %2, #%3 %4.</translation>
    </message>
    <message>
        <source>is JSON</source>
        <translation>est du JSON</translation>
    </message>
    <message>
        <source>is not JSON (%1)</source>
        <translation>n&apos;est pas du JSON (%1)</translation>
    </message>
    <message numerus="yes">
        <source>%n difference(s) ignored (--ignore, or headers that change with every delivery: --all-headers counts them).</source>
        <translation>
            <numerusform>%n différence ignorée (--ignore, ou en-têtes qui changent à chaque livraison&#xa0;: --all-headers les compte).</numerusform>
            <numerusform>%n différences ignorées (--ignore, ou en-têtes qui changent à chaque livraison&#xa0;: --all-headers les compte).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>export</name>
    <message>
        <source>--format needs har or jsonl, not &quot;%1&quot;.</source>
        <translation>--format attend har ou jsonl, pas «&#xa0;%1&#xa0;».</translation>
    </message>
    <message>
        <source>--format is needed: har or jsonl.</source>
        <translation>--format est nécessaire&#xa0;: har ou jsonl.</translation>
    </message>
    <message>
        <source>Journal to read (default %1).</source>
        <translation>Journal à lire (par défaut %1).</translation>
    </message>
    <message>
        <source>har or jsonl.</source>
        <translation>har ou jsonl.</translation>
    </message>
    <message>
        <source>File to write; stdout when absent or &quot;-&quot;.</source>
        <translation>Fichier à écrire&#xa0;; la sortie standard s&apos;il est absent ou vaut «&#xa0;-&#xa0;».</translation>
    </message>
    <message>
        <source>Only the captures matching the filter EXPR, e.g. &apos;task:avatar_* status:failed&apos; (the window&apos;s filter language).</source>
        <translation>Seulement les captures qui correspondent au filtre EXPR, par ex. &apos;task:avatar_* status:failed&apos; (le langage de filtre de la fenêtre).</translation>
    </message>
    <message>
        <source>--where does not parse:
%1</source>
        <translation>--where ne s&apos;analyse pas&#xa0;:
%1</translation>
    </message>
    <message>
        <source>Cannot write to stdout: %1</source>
        <translation>Impossible d&apos;écrire sur la sortie standard&#xa0;: %1</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>Impossible d&apos;écrire %1&#xa0;: %2</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n capture(s) to %1.</source>
        <translation>
            <numerusform>%n capture exportée vers %1.</numerusform>
            <numerusform>%n captures exportées vers %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>No journal at %1.</source>
        <translation>Aucun journal à %1.</translation>
    </message>
    <message>
        <source>Cannot open the journal %1: %2.</source>
        <translation>Impossible d&apos;ouvrir le journal %1&#xa0;: %2.</translation>
    </message>
    <message>
        <source>hookscope export: writes the journal&apos;s captures as HAR 1.2 (browser devtools, HTTP Toolkit, Charles) or as JSON Lines (one capture per line), with their notes and bookmarks; captures deleted in the window are left out.</source>
        <translation>hookscope export&#xa0;: écrit les captures du journal en HAR 1.2 (outils de développement des navigateurs, HTTP Toolkit, Charles) ou en JSON Lines (une capture par ligne), avec leurs notes et favoris&#xa0;; les captures supprimées dans la fenêtre sont écartées.</translation>
    </message>
</context>
<context>
    <name>import</name>
    <message>
        <source>hookscope import: appends the requests of a HAR file (browser devtools, HTTP Toolkit, webhook.site) or a JSON Lines file to a journal, as captures.</source>
        <translation>hookscope import&#xa0;: ajoute à un journal, comme captures, les requêtes d&apos;un fichier HAR (outils de développement des navigateurs, HTTP Toolkit, webhook.site) ou d&apos;un fichier JSON Lines.</translation>
    </message>
    <message>
        <source>Journal to add to (default %1).</source>
        <translation>Journal auquel ajouter (par défaut %1).</translation>
    </message>
    <message>
        <source>The .har or .jsonl file to import.</source>
        <translation>Le fichier .har ou .jsonl à importer.</translation>
    </message>
    <message>
        <source>Which file? hookscope import FILE --journal PATH</source>
        <translation>Quel fichier&#xa0;? hookscope import FILE --journal PATH</translation>
    </message>
    <message>
        <source>One file at a time; &quot;%1&quot; is one too many.</source>
        <translation>Un fichier à la fois&#xa0;; «&#xa0;%1&#xa0;» est de trop.</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>Impossible de lire %1&#xa0;: %2</translation>
    </message>
    <message numerus="yes">
        <source>Imported %n capture(s) into %1; %2 bad.</source>
        <translation>
            <numerusform>%n capture importée dans %1&#xa0;; %2 invalides.</numerusform>
            <numerusform>%n captures importées dans %1&#xa0;; %2 invalides.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Journal in use</source>
        <translation>Journal utilisé</translation>
    </message>
    <message>
        <source>Start a new session instead?</source>
        <translation>Démarrer plutôt une nouvelle session&#xa0;?</translation>
    </message>
    <message>
        <source>--token takes letters, digits and - . _ ~ only, so that it fits in a URL path.</source>
        <translation>--token n&apos;accepte que des lettres, des chiffres et - . _ ~, pour tenir dans un chemin d&apos;URL.</translation>
    </message>
    <message>
        <source>--token-header needs --token TOKEN.</source>
        <translation>--token-header nécessite --token TOKEN.</translation>
    </message>
    <message>
        <source>Receives Hoox webhooks on a local port, checks them against the Hoox contract and keeps every delivery in a journal. Without a command it opens the window.

Commands (each with its own --help):
  listen   the listener without a window; forwards, routes and holds deliveries
  send     deliver a payload to a URL the way Hoox does, with its retries
  check    grade your endpoint against the Hoox contract (scorecard, JUnit)
  replay   send a journal&apos;s captures to your app again, with chaos
  diff     what differs between two captures (two attempts of a delivery)
  export   write the journal&apos;s captures as HAR or JSON Lines
  import   read a HAR or JSON Lines file into the journal</source>
        <translation>Reçoit les webhooks Hoox sur un port local, les vérifie au regard du contrat Hoox et conserve chaque livraison dans un journal. Sans commande, ouvre la fenêtre.

Commandes (chacune avec son propre --help)&#xa0;:
  listen   l&apos;écoute sans fenêtre&#xa0;; transfère, aiguille et retient les livraisons
  send     livre une charge utile à une URL comme le fait Hoox, avec ses nouvelles tentatives
  check    note votre point de terminaison au regard du contrat Hoox (bilan, JUnit)
  replay   renvoie les captures d&apos;un journal à votre application, avec du chaos
  diff     ce qui diffère entre deux captures (deux tentatives d&apos;une livraison)
  export   écrit les captures du journal en HAR ou en JSON Lines
  import   lit un fichier HAR ou JSON Lines dans le journal</translation>
    </message>
    <message>
        <source>Run the listener without a window (the same as `hookscope listen`).</source>
        <translation>Lancer l&apos;écoute sans fenêtre (comme `hookscope listen`).</translation>
    </message>
    <message>
        <source>Headless: print one JSON Lines record per capture, the record `hookscope export --format jsonl` writes.</source>
        <translation>Sans fenêtre&#xa0;: afficher un enregistrement JSON Lines par capture, celui qu&apos;écrit `hookscope export --format jsonl`.</translation>
    </message>
    <message>
        <source>Port to listen on (default %1; 0 picks a free one).</source>
        <translation>Port d&apos;écoute (%1 par défaut&#xa0;; 0 en choisit un libre).</translation>
    </message>
    <message>
        <source>Address to listen on (default 127.0.0.1).</source>
        <translation>Adresse d&apos;écoute (127.0.0.1 par défaut).</translation>
    </message>
    <message>
        <source>Journal file (default %1).</source>
        <translation>Fichier journal (par défaut %1).</translation>
    </message>
    <message>
        <source>Answer a delivery only once its record is synced to disk (fdatasync, shared by the deliveries that arrive together): an answered delivery survives a power cut. The default.</source>
        <translation>Ne répondre à une livraison qu&apos;une fois son enregistrement synchronisé sur disque (fdatasync, partagé par les livraisons qui arrivent ensemble)&#xa0;: une livraison qui a reçu une réponse survit à une coupure de courant. Par défaut.</translation>
    </message>
    <message>
        <source>Answer once the record is written, without waiting for the disk: faster; an answered delivery survives HookScope being killed, not a power cut.</source>
        <translation>Répondre dès que l&apos;enregistrement est écrit, sans attendre le disque&#xa0;: plus rapide&#xa0;; une livraison qui a reçu une réponse survit à l&apos;arrêt forcé de HookScope, pas à une coupure de courant.</translation>
    </message>
    <message>
        <source>Answer 401 to requests without TOKEN as the last segment of the URL path (/webhook/hoox/TOKEN) or in an X-HookScope-Token header.</source>
        <translation>Répondre 401 aux requêtes sans TOKEN comme dernier segment du chemin d&apos;URL (/webhook/hoox/TOKEN) ou dans un en-tête X-HookScope-Token.</translation>
    </message>
    <message>
        <source>With --token: accept it only in the header.</source>
        <translation>Avec --token&#xa0;: ne l&apos;accepter que dans l&apos;en-tête.</translation>
    </message>
    <message>
        <source>The ngrok agent&apos;s local API, polled for the public URL (default %1).</source>
        <translation>L&apos;API locale de l&apos;agent ngrok, interrogée pour l&apos;URL publique (par défaut %1).</translation>
    </message>
    <message>
        <source>Answer every delivery with this HTTP status (default 200).</source>
        <translation>Répondre à chaque livraison avec ce statut HTTP (200 par défaut).</translation>
    </message>
    <message>
        <source>Answer with this body (default OK).</source>
        <translation>Répondre avec ce corps (OK par défaut).</translation>
    </message>
    <message>
        <source>Answer each delivery after this many milliseconds.</source>
        <translation>Répondre à chaque livraison après ce nombre de millisecondes.</translation>
    </message>
    <message>
        <source>Answer the next N deliveries with STATUS (default 500), so that Hoox retries them.</source>
        <translation>Répondre aux N prochaines livraisons avec STATUS (500 par défaut), pour que Hoox les réessaie.</translation>
    </message>
    <message>
        <source>Answer the next N deliveries after 11 s, past Hoox&apos;s 10 s timeout, so that Hoox retries them.</source>
        <translation>Répondre aux N prochaines livraisons après 11 s, au-delà du délai de 10 s de Hoox, pour que Hoox les réessaie.</translation>
    </message>
    <message>
        <source>Forward each delivery, byte for byte, to your app at URL (where no --route matches).</source>
        <translation>Transférer chaque livraison, octet pour octet, à votre application sur URL (là où aucune --route ne correspond).</translation>
    </message>
    <message>
        <source>Forward deliveries matching CONDITION to URL, e.g. &apos;task:avatar_*=http://localhost:3001/avatars&apos;; conditions: task:, status:, path: with * and ? globs, several separated by spaces must all match. Repeatable: the first match wins.</source>
        <translation>Transférer les livraisons qui correspondent à CONDITION vers URL, par ex. &apos;task:avatar_*=http://localhost:3001/avatars&apos;&#xa0;; conditions&#xa0;: task:, status:, path: avec les motifs * et ?, plusieurs séparées par des espaces doivent toutes correspondre. Répétable&#xa0;: la première correspondance l&apos;emporte.</translation>
    </message>
    <message>
        <source>Forwarding: answer Hoox with your app&apos;s answer (app, the default; 502 with the reason when your app is down or slower than 9 s) or at once with the rule (rule).</source>
        <translation>Transfert&#xa0;: répondre à Hoox avec la réponse de votre application (app, par défaut&#xa0;; 502 avec la raison quand votre application est arrêtée ou plus lente que 9 s) ou tout de suite avec la règle (rule).</translation>
    </message>
    <message>
        <source>Forwarding: answer Hoox at once with the rule and hold each forward until you type `release [ID|all]` (or drop it with `drop [ID|all]`) on standard input.</source>
        <translation>Transfert&#xa0;: répondre tout de suite à Hoox avec la règle et retenir chaque transfert jusqu&apos;à ce que vous tapiez `release [ID|all]` (ou l&apos;abandonniez avec `drop [ID|all]`) sur l&apos;entrée standard.</translation>
    </message>
    <message>
        <source>--%1 needs a number from %2 to %3, not &quot;%4&quot;.</source>
        <translation>--%1 attend un nombre de %2 à %3, pas «&#xa0;%4&#xa0;».</translation>
    </message>
    <message>
        <source>--fail-next needs a count and an optional status from 100 to 599, such as 2 or 2:503, not &quot;%1&quot;.</source>
        <translation>--fail-next attend un nombre et éventuellement un statut de 100 à 599, comme 2 ou 2:503, pas «&#xa0;%1&#xa0;».</translation>
    </message>
    <message>
        <source>--forward-to needs an http:// or https:// URL such as http://localhost:3000/webhook, not &quot;%1&quot;.</source>
        <translation>--forward-to attend une URL http:// ou https:// comme http://localhost:3000/webhook, pas «&#xa0;%1&#xa0;».</translation>
    </message>
    <message>
        <source>--answer takes app or rule, not &quot;%1&quot;.</source>
        <translation>--answer prend app ou rule, pas «&#xa0;%1&#xa0;».</translation>
    </message>
    <message>
        <source>--%1 is about forwarding: add --forward-to URL or --route CONDITION=URL.</source>
        <translation>--%1 concerne le transfert&#xa0;: ajoutez --forward-to URL ou --route CONDITION=URL.</translation>
    </message>
    <message>
        <source>--port needs a number from 0 to 65535, not &quot;%1&quot;.</source>
        <translation>--port attend un nombre de 0 à 65535, pas «&#xa0;%1&#xa0;».</translation>
    </message>
    <message>
        <source>--bind needs an IP address such as 127.0.0.1 or ::1, not &quot;%1&quot;.</source>
        <translation>--bind attend une adresse IP comme 127.0.0.1 ou ::1, pas «&#xa0;%1&#xa0;».</translation>
    </message>
    <message>
        <source>The window needs a display (DISPLAY or WAYLAND_DISPLAY is not set). Without one, run hookscope listen; see hookscope --help.</source>
        <translation>La fenêtre a besoin d&apos;un affichage (DISPLAY ou WAYLAND_DISPLAY n&apos;est pas défini). Sans affichage, lancez hookscope listen&#xa0;; voir hookscope --help.</translation>
    </message>
    <message>
        <source>Unknown command &quot;%1&quot;: the commands are listen, send, check, replay, diff, export and import; see hookscope --help.</source>
        <translation>Commande inconnue «&#xa0;%1&#xa0;»&#xa0;: les commandes sont listen, send, check, replay, diff, export et import&#xa0;; voir hookscope --help.</translation>
    </message>
    <message>
        <source>See hookscope --help.</source>
        <translation>Voir hookscope --help.</translation>
    </message>
    <message>
        <source>--ngrok-api needs an http URL such as http://127.0.0.1:4040, not &quot;%1&quot;.</source>
        <translation>--ngrok-api attend une URL http comme http://127.0.0.1:4040, pas «&#xa0;%1&#xa0;».</translation>
    </message>
    <message>
        <source>--sync and --no-sync contradict each other; give one.</source>
        <translation>--sync et --no-sync se contredisent&#xa0;; donnez l&apos;une des deux.</translation>
    </message>
    <message>
        <source>Unexpected argument &quot;%1&quot;; see --help.</source>
        <translation>Argument inattendu «&#xa0;%1&#xa0;»&#xa0;; voir --help.</translation>
    </message>
    <message>
        <source>Listening on http://%1:%2/ — expose it with `ngrok http %2` and use https://&lt;your-ngrok-host&gt;/webhook/hoox as webhook_url.</source>
        <translation>À l&apos;écoute sur http://%1:%2/ — exposez-le avec `ngrok http %2` et utilisez https://&lt;votre-hôte-ngrok&gt;/webhook/hoox comme webhook_url.</translation>
    </message>
    <message numerus="yes">
        <source>Journal: %1 (%n capture(s) so far)</source>
        <translation>
            <numerusform>Journal&#xa0;: %1 (%n capture jusqu&apos;ici)</numerusform>
            <numerusform>Journal&#xa0;: %1 (%n captures jusqu&apos;ici)</numerusform>
        </translation>
    </message>
    <message>
        <source>Warning: listening on %1 lets other machines send requests to HookScope.</source>
        <translation>Attention&#xa0;: écouter sur %1 permet à d&apos;autres machines d&apos;envoyer des requêtes à HookScope.</translation>
    </message>
    <message>
        <source>everything else to %1</source>
        <translation>tout le reste vers %1</translation>
    </message>
    <message>
        <source>Forwarding to %1.</source>
        <translation>Transfert vers %1.</translation>
    </message>
    <message>
        <source>Holding: Hoox is answered at once with the rule, each forward waits. Type release [ID|all] or drop [ID|all] (held lists them).</source>
        <translation>Rétention&#xa0;: Hoox reçoit tout de suite la réponse de la règle, chaque transfert attend. Tapez release [ID|all] ou drop [ID|all] (held les liste).</translation>
    </message>
    <message>
        <source>Hoox gets your app&apos;s answer (502 with the reason when your app is down or takes longer than 9 s).</source>
        <translation>Hoox reçoit la réponse de votre application (502 avec la raison quand votre application est arrêtée ou met plus de 9 s).</translation>
    </message>
    <message>
        <source>Hoox gets the rule&apos;s answer at once; each forward runs meanwhile.</source>
        <translation>Hoox reçoit tout de suite la réponse de la règle&#xa0;; chaque transfert s&apos;exécute en parallèle.</translation>
    </message>
    <message>
        <source>Held since an earlier run: %1. Type release [ID|all] or drop [ID|all].</source>
        <translation>Retenus depuis une exécution précédente&#xa0;: %1. Tapez release [ID|all] ou drop [ID|all].</translation>
    </message>
    <message>
        <source>Held since an earlier run: %1. Start with --forward-to URL to release them.</source>
        <translation>Retenus depuis une exécution précédente&#xa0;: %1. Démarrez avec --forward-to URL pour les libérer.</translation>
    </message>
    <message>
        <source>Access token required: requests without it get 401 and are shown as refused. Add /&lt;TOKEN&gt; to the webhook_url path, or send the X-HookScope-Token header.</source>
        <translation>Jeton d&apos;accès requis&#xa0;: les requêtes qui en sont dépourvues reçoivent 401 et apparaissent comme refusées. Ajoutez /&lt;TOKEN&gt; au chemin du webhook_url, ou envoyez l&apos;en-tête X-HookScope-Token.</translation>
    </message>
    <message>
        <source>The ngrok tunnel went away.</source>
        <translation>Le tunnel ngrok a disparu.</translation>
    </message>
    <message>
        <source>webhook_url: %1/webhook/hoox</source>
        <translation>webhook_url&#xa0;: %1/webhook/hoox</translation>
    </message>
    <message numerus="yes">
        <source>Recovered %n delivery(s) that ngrok received while HookScope was not running.</source>
        <translation>
            <numerusform>%n livraison récupérée, reçue par ngrok pendant que HookScope ne tournait pas.</numerusform>
            <numerusform>%n livraisons récupérées, reçues par ngrok pendant que HookScope ne tournait pas.</numerusform>
        </translation>
    </message>
    <message>
        <source>Unexpected argument &quot;%1&quot;; see hookscope %2 --help.</source>
        <translation>Argument inattendu «&#xa0;%1&#xa0;»&#xa0;; voir hookscope %2 --help.</translation>
    </message>
</context>
<context>
    <name>replay</name>
    <message>
        <source>--%1 needs a share from 0 to 1, such as 0.2, not &quot;%2&quot;.</source>
        <translation>--%1 attend une proportion de 0 à 1, comme 0.2, pas «&#xa0;%2&#xa0;».</translation>
    </message>
    <message>
        <source>--speed needs a factor above 0, such as 2 (twice as fast) or 0.5, not &quot;%1&quot;; --back-to-back sends without pauses.</source>
        <translation>--speed attend un facteur supérieur à 0, comme 2 (deux fois plus rapide) ou 0.5, pas «&#xa0;%1&#xa0;»&#xa0;; --back-to-back envoie sans pause.</translation>
    </message>
    <message>
        <source>--speed and --back-to-back exclude each other.</source>
        <translation>--speed et --back-to-back s&apos;excluent mutuellement.</translation>
    </message>
    <message>
        <source>--reorder needs a window of 2 or more deliveries, not &quot;%1&quot;.</source>
        <translation>--reorder attend un paquet de 2 livraisons ou plus, pas «&#xa0;%1&#xa0;».</translation>
    </message>
    <message>
        <source>--seed needs a whole number from 0 to 4294967295, not &quot;%1&quot;.</source>
        <translation>--seed attend un nombre entier de 0 à 4294967295, pas «&#xa0;%1&#xa0;».</translation>
    </message>
    <message>
        <source>hookscope replay: sends captured deliveries to your app again, at their original spacing, with chaos for idempotency testing that a seed reproduces.</source>
        <translation>hookscope replay&#xa0;: renvoie des livraisons capturées à votre application, avec leur espacement d&apos;origine, et du chaos pour tester l&apos;idempotence, reproductible par une graine.</translation>
    </message>
    <message>
        <source>Journal to read (default %1).</source>
        <translation>Journal à lire (par défaut %1).</translation>
    </message>
    <message>
        <source>Your app&apos;s URL, http:// or https://.</source>
        <translation>L&apos;URL de votre application, http:// ou https://.</translation>
    </message>
    <message>
        <source>Only these captures, e.g. 1,2,5-9.</source>
        <translation>Seulement ces captures, par ex. 1,2,5-9.</translation>
    </message>
    <message>
        <source>Only captures matching the filter EXPR, e.g. &apos;task:avatar_* status:failed&apos; (the filter language of the window and of export --where).</source>
        <translation>Seulement les captures qui correspondent au filtre EXPR, par ex. &apos;task:avatar_* status:failed&apos; (le langage de filtre de la fenêtre et d&apos;export --where).</translation>
    </message>
    <message>
        <source>Divide the original spacing by X (default 1).</source>
        <translation>Diviser l&apos;espacement d&apos;origine par X (1 par défaut).</translation>
    </message>
    <message>
        <source>Send without pauses.</source>
        <translation>Envoyer sans pause.</translation>
    </message>
    <message>
        <source>Send this share of deliveries a second time (0 to 1).</source>
        <translation>Envoyer une seconde fois cette proportion des livraisons (0 à 1).</translation>
    </message>
    <message>
        <source>Shuffle deliveries within windows of N.</source>
        <translation>Mélanger les livraisons par paquets de N.</translation>
    </message>
    <message>
        <source>Leave out this share of deliveries (0 to 1).</source>
        <translation>Omettre cette proportion des livraisons (0 à 1).</translation>
    </message>
    <message>
        <source>Seed for --duplicate, --reorder and --drop (default: new each run, printed).</source>
        <translation>Graine pour --duplicate, --reorder et --drop (par défaut&#xa0;: nouvelle à chaque exécution, affichée).</translation>
    </message>
    <message>
        <source>Retry each like Hoox (after 1 s, 2 s and 4 s).</source>
        <translation>Réessayer chacune comme Hoox (après 1 s, 2 s et 4 s).</translation>
    </message>
    <message>
        <source>Milliseconds an answer may take (default 10000).</source>
        <translation>Millisecondes que peut prendre une réponse (10000 par défaut).</translation>
    </message>
    <message>
        <source>Retry delays in ms, at most 3 (default 1000,2000,4000).</source>
        <translation>Délais des nouvelles tentatives en ms, 3 au plus (1000,2000,4000 par défaut).</translation>
    </message>
    <message>
        <source>Print one JSON object per delivery, then the report.</source>
        <translation>Afficher un objet JSON par livraison, puis le rapport.</translation>
    </message>
    <message>
        <source>--ids needs capture ids such as 1,2,5-9, not &quot;%1&quot;.</source>
        <translation>--ids attend des id de capture comme 1,2,5-9, pas «&#xa0;%1&#xa0;».</translation>
    </message>
    <message>
        <source>--filter does not parse:
%1</source>
        <translation>--filter ne s&apos;analyse pas&#xa0;:
%1</translation>
    </message>
    <message>
        <source>No journal at %1.</source>
        <translation>Aucun journal à %1.</translation>
    </message>
    <message>
        <source>Nothing to replay: no capture in %1 matches --ids and --filter.</source>
        <translation>Rien à rejouer&#xa0;: aucune capture de %1 ne correspond à --ids et --filter.</translation>
    </message>
</context>
<context>
    <name>send</name>
    <message>
        <source>Delivers a payload to URL the way Hoox does: POST with Hoox&apos;s headers; with --like-hoox, retried until answered 2xx. The payload is a template, a FILE, or - for stdin.</source>
        <translation>Livre une charge utile à URL comme le fait Hoox&#xa0;: POST avec les en-têtes de Hoox&#xa0;; avec --like-hoox, réessayée jusqu&apos;à une réponse 2xx. La charge utile est un modèle, un FILE, ou - pour l&apos;entrée standard.</translation>
    </message>
    <message>
        <source>FILE, or - to read stdin.</source>
        <translation>FILE, ou - pour lire l&apos;entrée standard.</translation>
    </message>
    <message>
        <source>The http:// or https:// URL to deliver to.</source>
        <translation>L&apos;URL http:// ou https:// à laquelle livrer.</translation>
    </message>
    <message>
        <source>Retry like Hoox (after 1 s, 2 s and 4 s) instead of sending once.</source>
        <translation>Réessayer comme Hoox (après 1 s, 2 s et 4 s) au lieu d&apos;envoyer une seule fois.</translation>
    </message>
    <message>
        <source>An extra header field, &apos;Name: value&apos;; repeatable.</source>
        <translation>Un champ d&apos;en-tête supplémentaire, &apos;Nom: valeur&apos;&#xa0;; répétable.</translation>
    </message>
    <message>
        <source>Print one JSON object per attempt.</source>
        <translation>Afficher un objet JSON par tentative.</translation>
    </message>
    <message>
        <source>Milliseconds an answer may take (default 10000).</source>
        <translation>Millisecondes que peut prendre une réponse (10000 par défaut).</translation>
    </message>
    <message>
        <source>Retry delays in ms, at most 3 (default 1000,2000,4000).</source>
        <translation>Délais des nouvelles tentatives en ms, 3 au plus (1000,2000,4000 par défaut).</translation>
    </message>
    <message>
        <source>Send a sample payload with fresh ids: %1.</source>
        <translation>Envoyer un exemple de charge utile avec de nouveaux identifiants&#xa0;: %1.</translation>
    </message>
    <message>
        <source>--header needs &apos;Name: value&apos; with a name of letters, digits or -_.!#$%&amp;&apos;*+^`|~, not &quot;%1&quot;.</source>
        <translation>--header attend &apos;Nom: valeur&apos; avec un nom fait de lettres, de chiffres ou de -_.!#$%&amp;&apos;*+^`|~, pas «&#xa0;%1&#xa0;».</translation>
    </message>
    <message>
        <source>Give exactly one payload: --template NAME, a FILE, or - for stdin.</source>
        <translation>Donnez exactement une charge utile&#xa0;: --template NAME, un FILE, ou - pour l&apos;entrée standard.</translation>
    </message>
    <message>
        <source>Unknown template &quot;%1&quot;; choose one of %2.</source>
        <translation>Modèle inconnu «&#xa0;%1&#xa0;»&#xa0;; choisissez parmi %2.</translation>
    </message>
    <message>
        <source>Cannot read the payload &quot;%1&quot;: %2</source>
        <translation>Impossible de lire la charge utile «&#xa0;%1&#xa0;»&#xa0;: %2</translation>
    </message>
    <message>
        <source>attempt %1: %2 in %3 ms</source>
        <translation>tentative %1&#xa0;: %2 en %3 ms</translation>
    </message>
    <message>
        <source>no answer</source>
        <translation>pas de réponse</translation>
    </message>
    <message>
        <source>Delivered.</source>
        <translation>Livrée.</translation>
    </message>
    <message numerus="yes">
        <source>Not delivered after %n attempt(s).</source>
        <translation>
            <numerusform>Non livrée après %n tentative.</numerusform>
            <numerusform>Non livrée après %n tentatives.</numerusform>
        </translation>
    </message>
</context>
</TS>
