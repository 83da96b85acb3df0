// Ordinary words that end like a place or an organization and name none (城市, 开发区, 干部, 格局).


/** Heads that make a generic noun phrase, not a name (示范区, 开发区 are descriptions, not places). */
export const GENERIC_PLACE = new Set(['地区', '社区', '园区', '城区', '景区', '市区', '郊区', '山区', '湖区', '港区', '示范区', '开发区', '先行区', '合作区', '功能区', '自贸区', '高新区', '新区', '片区', '辖区', '省市', '县市', '城市', '都市', '本市', '全市', '全省', '全县', '我省', '我市', '该市', '该县', '该省', '各省', '各市', '外省', '建制镇', '乡镇', '村镇', '城镇', '小城镇', '大城市', '中小城市', '大中城市', '港口城市', '老城区', '山村', '河村', '农村', '乡村', '江河', '湖泊', '河湖', '山川', '江山', '港口', '海港', '沿海', '火海', '如山']);

/** Words ending in a one-character organization suffix that are not organizations. */
export const NOT_ORG_WORDS = new Set(['格局', '新格局', '院所', '科研院所', '中南部', '东南部', '西南部', '东北部', '西北部', '中部', '干部', '全部', '内部', '外部', '东部', '西部', '南部', '北部', '中部', '局部', '腹部', '头部', '底部', '顶部', '面部', '大部', '格局', '布局', '结局', '大局', '全局', '时局', '政局', '当局', '僵局', '困局', '变局', '乱局', '危局', '开局', '终局', '残局', '出局', '战局', '平局', '骗局', '饭局', '棋局', '赌局', '定局', '迷局', '败局', '胜局', '新局', '政委', '舞厅', '歌厅', '饭厅', '音乐厅', '咖啡厅', '营业厅', '候车厅', '售票厅', '大厅', '客厅', '餐厅', '展厅', '门厅', '部署', '签署', '主办', '承办', '举办', '创办', '协办', '合办', '部队', '军队', '球队', '带队', '率队', '归队', '入队', '列队', '组队', '站队', '跟队', '团队', '车队', '舰队', '梯队', '排队', '强队', '弱队', '两院', '主委', '编委', '常委', '党委', '政党', '入党', '建党', '全党', '我党', '工厂', '厂家', '建厂', '出厂', '进厂', '回厂', '全厂', '本厂', '该厂']);

/** One-character suffixes of state bodies, whose common words (管理局, 教育厅) still name a body after a place. */
export const STATE_BODY_CHARS = new Set([...'局厅委署']);

/** 村干部, 后备干部: a word that ends in one of the ordinary words above is no organization either. */
export function endsInOrdinaryWord(word: string): boolean {
  for (let k = 0; k <= word.length - 2; k++) if (NOT_ORG_WORDS.has(word.slice(k))) return true;
  return false;
}
