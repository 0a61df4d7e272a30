/**
 * Words that never relate two papers: English function words and the stock vocabulary of abstracts
 * (`we propose a novel method that achieves state-of-the-art results`). Words common to a whole
 * corpus are also dropped by document frequency; this list catches those common in every corpus,
 * which matters most for small ones (a single day).
 */
import { stemWord } from '../topics/tokenize';

const WORDS = `
a about above according across actually after again against al all almost along already also although always am
among an and another any are around as at be became because become becomes been before being below besides between
beyond both but by can cannot could did do does doing done down due during each either else enough especially et
etc even ever every few for from further furthermore had has have having he hence her here hers him his how however
i ie if in indeed into is it its itself just least less let like made make makes making many may me meanwhile might
more moreover most much must my namely neither no nor not now of off often on once one only onto or other others
otherwise our ours out over own per perhaps rather same several she should since so some such than that the their
theirs them then there thereby therefore these they this those though three through throughout thus to together too
two under unlike until up upon us use used uses using very via was we well were what whatever when where whereas
whether which while who whom whose why will with within without would yet you your
ability able accurately achieve achieved achieves achieving across additional additionally address addresses
addressing advance advanced advancement advancements advances aim aims allow allows alternative approach approaches
area areas aspect aspects assess available based benefit benefits best better broad capabilities capability
capable case cases challenge challenges challenging claim clear closely code com common compared comparison
comparable competitive complex comprehensive conduct conducted consider considerable considering consistently
contribution contributions core crucial current currently demonstrate demonstrated demonstrates demonstrating
design designed despite detailed develop developed developing development different difficult directly discuss
diverse easily effect effective effectively effectiveness effects efficacy efficiently eg emerging enable enabled
enables enabling end ensure ensuring enhance enhanced enhancing especially essential establish evaluate evaluated
even evidence example examples existing experiment experimental experiments explore explored exploring extend
extensive extensively fact factors far feature features field findings first focus focused focuses following
form found four framework frameworks fully fundamental furthermore future gain gains general generally given goal
good great greatly help helps high higher highlight highlights highly however http https human idea impact
important improve improved improvement improvements improves improving include llm-based includes including increase
increasing increasingly insight insights instead interest introduce introduced introduces introducing investigate
investigated issue issues key knowledge large largely larger last lead leading leads learn learned level levels
limited limitation limitations lot low lower main mainly major manner meaningful method methods model models
moreover multiple necessary need needs new notably novel number numerous observation observations observe observed
obtain obtained offer offers open order org original outperform outperforming outperforms overall paper part
particular particularly performance performing perform performs play plays point possible potential powerful
practical present presented presents previous primarily prior problem problems process produce progress promising
propose proposed proposes provide provided provides providing publicly purpose quality range rapid rapidly real
recent recently reduce reduces reducing related release released rely relies remain remains remarkable report
require required requires research researchers respectively result results reveal reveals robust scale second
see seen serve serves set setting settings show showing shown shows significant significantly similar simple
single small solution solutions specific specifically state-of-the-art step still strategies strategy strong
studies study substantial substantially success successful successfully suggest suggests superior support
system systems take task tasks technique techniques technologies technology terms third time times toward
towards type types typically understand understanding unique utilize utilizing valuable value various
way ways well wide widely work works www year years
`;

/** Stemmed stopwords, compared against {@link stemWord} output. */
export const STOPWORDS: ReadonlySet<string> = new Set(WORDS.split(/\s+/).filter(Boolean).map(stemWord));
