// The characters of transliterated foreign names, shared by the person and place rules and the word table.
/** Characters of transliterated foreign names (Xinhua usage): a word made only of them reads as a foreign name. */
export const TRANSLITERATION = new Set([
  ...'延瑙坚契茨钦娃娅勃伏策楚夫赛鲍滕蒂丹邓德迪埃恩弗盖赫吉杰喀卡凯科库奎拉莱兰利列洛马梅蒙米姆纳尼涅诺帕佩普奇乔琴萨塞桑沙舍施斯索塔泰特托瓦威维沃乌西希谢休亚耶伊尤约泽扎阿埃艾爱安昂奥巴拜班邦鲍贝本比彼毕宾波伯博布查达戴丹道德登迪蒂丁杜多厄恩尔法凡菲费芬丰冯弗福盖甘冈高戈哥格葛根古瓜圭哈海汉豪赫黑亨洪侯胡华霍基吉纪加贾杰捷金卡凯坎康考柯科克肯库拉莱赖兰朗劳勒雷蕾黎里理莉利列林琳铃留隆卢鲁路伦罗洛马玛迈麦曼芒毛梅美门蒙孟米密明缪摩莫默姆穆纳娜奈南内尼涅宁纽努诺欧帕潘培佩彭皮珀普齐奇乔切琴琼丘萨塞桑瑟森沙莎善尚舍申圣施什史舒斯松宋苏索塔泰坦汤唐陶特提图托瓦万旺威韦维温文翁沃乌伍西希锡谢辛休雅亚扬耶叶伊依因英尤于约泽扎詹兹佐翰保易',
]);
