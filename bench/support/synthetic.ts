// Synthetic research abstracts for the throughput and latency benchmarks: seeded (same seed, same
// papers), ~150–250 words each, drawn from a vocabulary of real English and research words grouped by
// topic, so that papers on different topics get different vectors and keyword queries have a spread
// of hit counts. Nothing here is taken from a real paper.
import { mulberry32 } from '@shared/random';

export const rng = mulberry32;

const w = (s: string): string[] => s.trim().split(/\s+/);

/** Topic vocabularies: nouns and modifiers a paper on that topic would use. */
const TOPICS: Record<string, string[]> = {
  vision:
    w(`image images pixel pixels convolution convolutional camera segmentation detection object
    objects scene scenes visual depth stereo texture edge edges contour recognition classification
    video frame frames optical flow motion tracking pose keypoint lighting illumination photograph
    resolution rendering occlusion viewpoint`),
  language:
    w(`language sentence sentences word words token tokens translation grammar syntax semantic
    semantics parsing parser vocabulary corpus corpora dialogue question answering summarization text
    document documents lexical morphology speech spoken dialect reading writing narrative discourse
    entity entities`),
  graphs: w(`graph graphs node nodes edge vertex vertices neighbor neighbors neighborhood adjacency
    spectral laplacian community communities clustering walk walks path paths subgraph network
    networks connectivity centrality degree link links message passing topology`),
  reinforcement:
    w(`agent agents reward rewards policy policies action actions environment environments
    exploration exploitation trajectory trajectories planning value return discount episode episodes
    robot robots control controller simulator game games curriculum sparse horizon`),
  optimization: w(`gradient gradients descent convergence convex nonconvex stochastic momentum step
    learning rate schedule loss minimum minima saddle curvature hessian objective constraint
    constraints regularization penalty solver iteration iterations bound bounds`),
  biology:
    w(`protein proteins gene genes genome genomic cell cells tissue molecular molecule molecules
    sequence sequences enzyme enzymes mutation mutations expression receptor binding membrane species
    evolution evolutionary organism organisms bacteria virus viral immune`),
  medicine: w(`patient patients clinical diagnosis disease diseases hospital treatment therapy dose
    trial trials symptom symptoms tumor cancer cardiac blood imaging scan scans surgery risk mortality
    outcome outcomes chronic infection cohort physician drug drugs`),
  physics: w(`quantum particle particles energy field fields wave waves photon photons electron
    electrons spin magnetic thermal temperature pressure fluid turbulence laser optical lattice
    crystal phase transition symmetry gravity relativity plasma detector collision`),
  chemistry: w(`reaction reactions catalyst catalysis compound compounds solvent acid oxidation bond
    bonds synthesis polymer polymers electrode battery batteries ion ions surface adsorption
    spectroscopy atom atoms metal metals solution concentration yield`),
  climate: w(`climate weather temperature rainfall precipitation ocean ocean atmosphere atmospheric
    carbon emission emissions warming ice glacier drought flood floods forest forests vegetation soil
    land satellite season seasonal regional global storm storms`),
  economics: w(`market markets price prices trade firm firms consumer consumers demand supply labor
    wage wages inflation policy tax taxes income growth investment investors bank banks credit
    welfare auction auctions incentive incentives household households`),
  security: w(`attack attacks attacker adversarial privacy encryption cryptographic key keys malware
    vulnerability vulnerabilities intrusion authentication password threat threats secure security
    leakage defense defenses protocol protocols trust verification`),
  systems:
    w(`memory cache storage disk latency throughput server servers cluster distributed parallel
    processor processors hardware chip compiler kernel scheduling scheduler thread threads workload
    workloads energy power accelerator query queries database transaction`),
  audio: w(`audio sound sounds music musical acoustic speaker speakers voice voices pitch melody
    rhythm noise spectrogram microphone signal signals recording recordings listening source
    separation hearing frequency loudness`),
  robotics: w(`robot robotic manipulation grasp grasping arm gripper locomotion legged navigation
    mapping localization sensor sensors lidar actuator actuators trajectory obstacle obstacles terrain
    motion planner vehicle vehicles autonomous drone drones`),
  education: w(`student students teacher teachers classroom school schools learning course courses
    curriculum exam exams feedback instruction university assessment skills reading mathematics
    teaching tutoring engagement motivation homework grade grades`),
  social: w(`social users user community online media platform platforms opinion opinions
    misinformation news influence behavior behaviour survey surveys interview participants culture
    cultural identity political election elections public attention`),
  statistics:
    w(`estimator estimators estimation variance bias sample samples sampling bayesian prior
    posterior likelihood inference hypothesis test regression covariance distribution distributions
    parameter parameters confidence interval bootstrap uncertainty causal`),
  geometry:
    w(`surface surfaces mesh meshes shape shapes curve curves manifold manifolds point points
    cloud clouds geometric geometry rotation rotations invariant invariance sphere coordinates
    dimensional distance distances reconstruction`),
  ecology: w(`species habitat habitats population populations predator prey ecosystem ecosystems
    biodiversity plant plants animal animals bird birds fish marine coral insect insects pollination
    migration abundance conservation extinction`),
  materials: w(`material materials alloy alloys strength stress strain fracture fatigue composite
    composites fiber fibers ceramic steel concrete thermal conductivity elastic plastic deformation
    microstructure grain grains coating porous`),
  finance: w(`portfolio asset assets stock stocks return returns volatility risk option options
    derivative pricing hedge liquidity trading trader traders exchange currency bond equity default
    arbitrage`),
  neuroscience: w(`brain neuron neurons neural cortex cortical synapse synaptic spike spikes memory
    attention perception cognitive cognition stimulus stimuli visual auditory motor recording
    recordings activity plasticity sleep`),
  astronomy: w(`galaxy galaxies star stars stellar planet planets planetary orbit orbital telescope
    survey cosmic cosmological dark matter redshift supernova black hole radiation luminosity solar
    universe`),
};

/** Research vocabulary shared across topics. */
const RESEARCH = w(`method methods approach approaches model models framework algorithm algorithms
  analysis results experiments experimental evaluation benchmark benchmarks dataset datasets data
  performance accuracy baseline baselines state art novel propose proposed present study studies
  show shows demonstrate demonstrates achieve achieves improve improves improvement improvements
  significant significantly robust robustness efficient efficiency scalable scalability large scale
  small simple effective effectiveness task tasks problem problems challenge challenges limitation
  limitations existing prior previous recent work works paper introduce introduces technique
  techniques architecture architectures training trained learning learned representation
  representations feature features prediction predictions predict estimate measure measured
  measurement measurements metric metrics error errors rate rates theoretical theory empirical
  empirically evidence observe observed observation observations reveal reveals suggest suggests
  finding findings outperform outperforms competitive comparable substantial substantially
  consistent consistently across different various multiple several single joint jointly
  framework structure structured unsupervised supervised labeled unlabeled transfer adaptation domain
  domains generalization generalize fine tuning pretrained network networks layer layers attention
  transformer encoder decoder latent variable variables function functions linear nonlinear
  dimension high low cost costs computational computation complexity time memory speed faster
  accurate reliable interpretable interpretability explanation explanations analysis simulation
  simulations real world practical application applications deployment system systems design
  implementation open source code available evaluate evaluated compare compared comparison
  ablation component components module modules mechanism mechanisms strategy strategies objective
  quality quantitative qualitative human expert annotation annotations label labels noise noisy
  missing sparse dense local global temporal spatial dynamic dynamics static adaptive hierarchical
  multi level stage stages pipeline end framework formulation optimal optimality guarantee
  guarantees analysis bound tradeoff balance importance key insight insights`);

/** A long tail of everyday English, so the vocabulary is a few thousand words like real abstracts'. */
const TAIL =
  w(`ability absence academic accept access account accumulate achieve acquire active actual
  add address adequate adjust admit adopt advance advantage affect afford agree aid aim air allow
  alter alternative amount ancient angle annual answer anticipate apparent appear apply appropriate
  approximate area argue argument arise arrange array article aspect assemble assess assign assist
  associate assume attach attempt attend attribute author automatic average avoid aware axis
  background balance band bar barrier base basic basis batch bear beat become begin behave belief
  belong beneficial benefit best better beyond billion bind block board body boost border borrow
  bottom boundary box branch break brief bright bring broad budget build burden calculate call
  candidate capable capacity capture card care careful carry case category cause center central
  certain chain chance change channel chapter character characteristic charge cheap check choice
  choose circle circuit citizen claim class classic clear climb close closely coarse code collect
  collection color column combine comfort command comment common communicate company compact
  compete complete complex compose comprehensive compress concept concern conclude conclusion
  condition conduct confirm conflict connect consider constant construct contain content context
  continue contrast contribute contribution conventional convert copy core correct correlate
  correspond count couple course cover create critical cross crucial current curve custom cycle
  daily damage deal debate decade decide decision decline decrease deep default define definition
  degree delay deliver demand dense depend deploy derive describe description deserve desire
  detail detect determine develop device differ difficult digital direct direction discover
  discuss display distinct distinguish divide document double draft draw drive drop dual due
  during early ease easy economic edge edition effect effort element eliminate emerge emphasis
  enable encounter encourage engine enhance enormous ensure enter entire equal equation
  equivalent essential establish event eventually exact examine example exceed exchange exclude
  execute exhibit expand expect expensive experience explain explicit exploit explore expose
  express extend extent external extract extreme face facilitate factor fail failure fair fall
  familiar family far fast fault favor feasible few field figure file fill final finite fit fix
  flexible focus follow force form formal former forward foundation fraction free frequent full
  fundamental future gain gap gather general generate generation goal govern gradual great group
  grow guide half handle happen hard harm head heavy help hidden hide hold hope huge hybrid idea
  ideal identify ignore illustrate impact implement imply important impose impossible include
  increase independent index indicate individual industry influence inform initial input insert
  inside inspect instance instead integrate intend intense interact interest internal interpret
  introduce invest involve issue item join judge justify keep kind knowledge lack large last late
  launch layer lead least leave length less lesson level lift light likely limit line list
  literature little long loop lose lower main maintain major majority make manage manner manual
  map margin mark mass match matter maximum mean meaningful measure medium meet member mention
  merge middle mild minimal minor mix mode moderate modern modify moment monitor move narrow
  natural nature near necessary need negative neither nominal normal notable note notice notion
  number numerous obtain obvious occur offer office operate operation opportunity oppose option
  order ordinary organize origin original outline output outside overall overcome overview own
  pair parallel part partial particular pass past pattern peak perceive perform period permit
  person perspective phenomenon physical picture piece place plain plan play plenty plus poor
  popular portion position positive possible potential practice precise prefer prepare presence
  preserve press prevent primary principle priority private probable procedure process produce
  product profile progress project promise promote proof proper property proportion propose
  protect prove provide purpose pursue push quick quite raise random range rank rapid rare raw
  reach react ready realistic reason receive recent recognize record recover reduce refer refine
  reflect regard region regular reject relate relation relative release relevant rely remain
  remarkable remove repeat replace report represent require research reserve resist resolve
  resource respect respond response rest restrict result retain return review revise rich rigid
  rise role rough round routine rule run safe satisfy save scenario schema scope score search
  second section secure seek segment select sense sensitive separate sequence serve set settle
  severe shape share sharp shift short side sign signal similar simplify site size skill slight
  slow smooth soft solid solve sort sound space span special specific specify spread square
  stable standard start state statement status steady step stop store straightforward strong
  study subject submit subsequent succeed success sufficient suggest suit summary superior
  support suppose surprising survive sustain switch symbol table tackle target team tend term
  terms test thin threshold tight tool top total touch toward trace track traditional transform
  transition treat trend trigger true type typical ultimate unclear understand unify unique unit
  universal unknown unlike update upper urban usage useful usual valid validate valuable vary
  vast verify version view visible volume weak weight wide wider window worst yield young zone`);

/** Common English words that give sentences their texture. */
const COMMON = w(`the the the the of of of of and and and a a a to to to in in in is is for for on
  with with that that this this by by we we are are as as from from our our which which these these
  it its be been can can also not more most than both while when where between into through under
  over however moreover furthermore therefore thus often new first two three many each such using
  based given without within among only further whether how what well much very often`);

const OPENERS = [
  'We propose',
  'In this paper we study',
  'We present',
  'This work introduces',
  'We investigate',
  'Recent work has shown',
  'We address',
  'Existing methods for',
  'We develop',
  'Our results show that',
  'We demonstrate',
  'Experiments on',
];

export type SyntheticPaper = { title: string; abstract: string; year: number; authors: string[] };

const NAMES = w(`Ada Alan Grace Marie Niels Emmy Carl Sofia Hedy Rosalind Lise Paul Max Kurt John
  Mary Ravi Wei Yuki Amara Olu Lucia Marta Pavel Ines Kenji Priya Omar Elena Tomas`);
const SURNAMES = w(`Lovelace Turing Hopper Curie Bohr Noether Gauss Kovalevskaya Lamarr Franklin
  Meitner Dirac Planck Godel Neumann Somerville Raman Zhang Tanaka Okafor Adeyemi Rossi Garcia Novak
  Silva Sato Patel Haddad Petrova Berg`);

/** Every distinct word the generator can emit (for the report). */
export function vocabularySize(): number {
  return new Set([...Object.values(TOPICS).flat(), ...RESEARCH, ...TAIL, ...COMMON]).size;
}

export const TOPIC_NAMES = Object.keys(TOPICS);

function pick<T>(r: () => number, xs: readonly T[]): T {
  return xs[Math.floor(r() * xs.length)]!;
}

/** A word: mostly from the paper's topics, then research vocabulary, then common words. */
function word(r: () => number, topics: string[][]): string {
  const x = r();
  if (x < 0.34) return pick(r, topics[0]!);
  if (x < 0.42 && topics[1]) return pick(r, topics[1]);
  if (x < 0.62) return pick(r, RESEARCH);
  if (x < 0.72) return pick(r, TAIL);
  return pick(r, COMMON);
}

function sentence(r: () => number, topics: string[][], first: boolean): string {
  const n = 10 + Math.floor(r() * 14);
  const words: string[] = [];
  for (let i = 0; i < n; i++) words.push(word(r, topics));
  if (r() < 0.15) words.splice(Math.floor(r() * n), 0, `${Math.floor(r() * 98) + 1}%`);
  const opener = first || r() < 0.25 ? pick(r, OPENERS) + ' ' : '';
  const s = opener + words.join(' ');
  return s.charAt(0).toUpperCase() + s.slice(1) + '.';
}

/** The i-th paper of the stream with this seed (independent of the others: any slice is reproducible). */
export function syntheticPaper(seed: number, i: number): SyntheticPaper {
  const r = rng(seed * 1_000_003 + i * 7919 + 1);
  const names = TOPIC_NAMES;
  const main = pick(r, names);
  const second = r() < 0.6 ? pick(r, names) : undefined;
  const topics = [TOPICS[main]!, ...(second && second !== main ? [TOPICS[second]!] : [])];
  const titleWords: string[] = [];
  const tn = 5 + Math.floor(r() * 7);
  for (let j = 0; j < tn; j++)
    titleWords.push(r() < 0.55 ? pick(r, topics[0]!) : pick(r, RESEARCH));
  const title = titleWords.map((t) => t.charAt(0).toUpperCase() + t.slice(1)).join(' ');
  const target = 150 + Math.floor(r() * 101);
  const sentences: string[] = [];
  let count = 0;
  while (count < target) {
    const s = sentence(r, topics, sentences.length === 0);
    sentences.push(s);
    count += s.split(' ').length;
  }
  const authors = Array.from(
    { length: 1 + Math.floor(r() * 4) },
    () => `${pick(r, NAMES)} ${pick(r, SURNAMES)}`,
  );
  // A unique tag in the title keeps the normalised titles distinct (import dedupes by title).
  return {
    title: `${title} ${i.toString(36)}`,
    abstract: sentences.join(' '),
    year: 1990 + Math.floor(r() * 35),
    authors,
  };
}

export function syntheticPapers(seed: number, from: number, count: number): SyntheticPaper[] {
  return Array.from({ length: count }, (_, j) => syntheticPaper(seed, from + j));
}

/** A JSONL text source for `import:run`. */
export function toJsonl(papers: SyntheticPaper[]): string {
  return papers.map((p) => JSON.stringify(p)).join('\n');
}

/** `n` search queries of 3–6 words, mostly from one topic with a research word or two. */
export function syntheticQueries(seed: number, n: number): string[] {
  const r = rng(seed ^ 0x5eed);
  return Array.from({ length: n }, () => {
    const topic = TOPICS[pick(r, TOPIC_NAMES)]!;
    const len = 3 + Math.floor(r() * 4);
    const words = new Set<string>();
    while (words.size < len) words.add(r() < 0.7 ? pick(r, topic) : pick(r, RESEARCH));
    return [...words].join(' ');
  });
}
